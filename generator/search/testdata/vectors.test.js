// Shared normalisation vectors: the JavaScript client must split and fold
// every input exactly as generator/vntext does (go test checks the same
// file). Run: node --test generator/search/testdata/
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const search = require('../../../static/js/search.js');

const vectors = JSON.parse(fs.readFileSync(path.join(__dirname, 'vectors.json'), 'utf8'));

for (const v of vectors) {
  test(`tokens of ${JSON.stringify(v.in)}${v.note ? ' (' + v.note + ')' : ''}`, () => {
    assert.deepStrictEqual(search.tokens(v.in), v.tokens);
    assert.deepStrictEqual(search.words(v.in).map(search.exact), v.exact);
  });
}

test('query words: one-letter words dropped, last word a prefix', () => {
  assert.deepStrictEqual(search.parse('Chè x'), [{ k: 'che', e: 'chè', marked: true, prefix: false }]);
  assert.deepStrictEqual(search.parse('dong loi ').map((w) => w.prefix), [false, false]);
  assert.deepStrictEqual(search.parse('dong lo').map((w) => w.prefix), [false, true]);
});

test('gaps decode the Go encoding', () => {
  assert.deepStrictEqual(search.gaps('BBB'), [1, 2, 3]);
  assert.deepStrictEqual(search.gaps('FggB'), [5, 1029]);
  assert.deepStrictEqual(search.gaps('gB'), [32]);
});

test('shard file keys', () => {
  assert.strictEqual(search.fileKey('che'), 'che');
  assert.strictEqual(search.fileKey('日本語で'), '_e697a5e69cace8aa9ee381a7');
});
