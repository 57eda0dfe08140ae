/* Search client for the index built by generator/search.
 *
 * Plain ES2017, no dependencies, no inline code: loaded with
 * <script src="…/static/js/search.js" defer>. The site root is derived from
 * this script's own address, so the site works under any sub-path.
 *
 * Every language edition shares the one index. A page of another edition
 * than the default names its folder (data-edition="en/") and the language
 * of untranslated text (data-src-lang="vi"): result links lead into the
 * edition, and an English page shows the English titles and group names
 * the index carries, marking Vietnamese text it falls back to.
 *
 * The normalisation functions (words, key, exact) implement the rules of
 * generator/vntext; generator/search/testdata/vectors.json is checked
 * against both (go test, node --test).
 */
(function (global) {
  'use strict';

  // ---- Normalisation (same rules as generator/vntext/words.go) ----------

  var WORD = /[\p{L}\p{M}\p{N}]+/gu;
  var MN = /\p{Mn}/gu;
  var MN1 = /^\p{Mn}$/u;
  var ASCII = /^[\x00-\x7f]*$/;
  var TONES = { '\u0300': '\u0300', '\u0301': '\u0301', '\u0303': '\u0303', '\u0309': '\u0309', '\u0323': '\u0323', '\u0340': '\u0300', '\u0341': '\u0301' };
  var VOWELS = 'aeiouy';

  // words splits a text into words: runs of letters, marks and digits.
  // A run of marks alone (a stray combining accent) is no word: it would
  // fold to an empty key (as in Go).
  function words(s) {
    return (String(s).normalize('NFC').match(WORD) || []).filter(function (w) { return key(w) !== ''; });
  }

  // key is the folded search key of a word: no marks, đ → d, lower case.
  function key(w) {
    if (ASCII.test(w)) return w.toLowerCase();
    return w.normalize('NFD').replace(MN, '').replace(/[đĐ]/g, 'd').toLowerCase().normalize('NFD').replace(MN, '');
  }

  // exact is the exact key of a word: lower case, NFC, marks kept, the tone
  // of oa/oe/uy placed new-style ("hoà" → "hòa", "thuỷ" → "thủy").
  function exact(w) {
    if (ASCII.test(w)) return w.toLowerCase();
    var units = [];
    var tone = '';
    var pos = -1;
    for (var ch of w.normalize('NFD')) {
      var t = TONES[ch];
      if (t) {
        if (!tone && units.length) { tone = t; pos = units.length - 1; }
        continue;
      }
      if (MN1.test(ch) && units.length) { units[units.length - 1].m += ch; continue; }
      units.push({ b: ch.toLowerCase(), m: '' });
    }
    if (tone) pos = placeTone(units, pos);
    var out = '';
    for (var i = 0; i < units.length; i++) {
      out += units[i].b + units[i].m;
      if (i === pos) out += tone;
    }
    return out.normalize('NFC');
  }

  function placeTone(units, pos) {
    var first = -1, last = -1;
    for (var i = 0; i < units.length; i++) {
      if (VOWELS.indexOf(units[i].b) < 0 || units[i].b === '') {
        if (first >= 0 && last < 0) last = i - 1;
        continue;
      }
      if (first < 0) first = i;
      else if (last >= 0) return pos;
    }
    if (first < 0) return pos;
    if (last < 0) last = units.length - 1;
    if (first > 0 && units[first - 1].b === 'q' && units[first].b === 'u') first++;
    if (last - first !== 1 || units[first].m || units[last].m) return pos;
    var pair = units[first].b + units[last].b;
    if (pair !== 'oa' && pair !== 'oe' && pair !== 'uy') return pos;
    if (pos !== first && pos !== last) return pos;
    return last === units.length - 1 ? first : last;
  }

  // tokens returns the folded keys of the words of s.
  function tokens(s) { return words(s).map(key); }

  // ---- Index format (see generator/search/search.go) ---------------------

  var B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var B64V = new Int8Array(128).fill(-1);
  for (var bi = 0; bi < 64; bi++) B64V[B64.charCodeAt(bi)] = bi;
  var SHARD_LEN = 4;
  var TIERS = 5;
  var WEIGHT = [16, 6, 4, 2, 1];
  var EXACT_BONUS = 1.5;
  var PREFIX_FACTOR = 0.75;

  function gaps(s) {
    var out = [];
    var prev = 0, v = 0, shift = 0;
    for (var i = 0; i < s.length; i++) {
      var d = B64V[s.charCodeAt(i)];
      v += (d & 31) * Math.pow(2, shift);
      if (d & 32) { shift += 5; continue; }
      prev += v;
      out.push(prev);
      v = 0; shift = 0;
    }
    return out;
  }

  function firstRunes(s, n) { return Array.from(s).slice(0, n).join(''); }
  function runeLen(s) { return Array.from(s).length; }

  function fileKey(k) {
    if (/^[a-z0-9]+$/.test(k)) return k;
    var hex = '_';
    new TextEncoder().encode(k).forEach(function (b) { hex += (b < 16 ? '0' : '') + b.toString(16); });
    return hex;
  }

  // ---- Fetching ----------------------------------------------------------

  function siteRoot(script) {
    var src = (script && script.src) || (global.document && document.baseURI) || '';
    return new URL('../../', src).href;
  }

  function Client(root) {
    this.root = root;
    this.cache = new Map();
    this.details = new Map();
    this.manifest = null;
  }

  Client.prototype.get = function (path) {
    if (!this.cache.has(path)) {
      var url = new URL(path, this.root).href;
      this.cache.set(path, fetch(url).then(function (r) { return r.ok ? r.json() : null; }).catch(function () { return null; }));
    }
    return this.cache.get(path);
  };

  Client.prototype.shard = function (k) {
    var self = this;
    return this.get('search/t/' + fileKey(k) + '.json').then(function (s) {
      if (s && s.d) Object.keys(s.d).forEach(function (id) { self.details.set(+id, s.d[id]); });
      return s;
    });
  };

  // loadManifest decodes search/m.json into per-document facet arrays.
  Client.prototype.loadManifest = function () {
    var self = this;
    if (!this.manifestP) {
      this.manifestP = this.get('search/m.json').then(function (m) {
        if (!m || m.v !== 1) return null;
        var n = m.n;
        var f = { n: n, chunk: m.c, groups: m.g, groupsEN: m.ge, provinces: m.p, kind: new Int8Array(n), cert: new Int8Array(n), star: new Int8Array(n), group: new Int16Array(n), prov: new Int16Array(n) };
        var id = 0;
        for (var i = 0; i + 5 < m.r.length; i += 6) {
          for (var j = 0; j < m.r[i]; j++, id++) {
            f.kind[id] = m.r[i + 1]; f.cert[id] = m.r[i + 2]; f.star[id] = m.r[i + 3];
            f.group[id] = m.r[i + 4] - 1; f.prov[id] = m.r[i + 5] - 1;
          }
        }
        self.manifest = f;
        return f;
      });
    }
    return this.manifestP;
  };

  // communes loads the communes of province p: {names, of: Map id → index}.
  Client.prototype.communes = function (p) {
    return this.get('search/a/' + p + '.json').then(function (a) {
      var of = new Map();
      if (a) a.d.forEach(function (list, ci) {
        var prev = 0;
        list.forEach(function (g) { prev += g; of.set(prev, ci); });
      });
      return { names: a ? a.c : [], of: of };
    });
  };

  // fill makes sure the details of ids are loaded.
  Client.prototype.fill = function (ids) {
    var self = this;
    var chunks = new Set();
    ids.forEach(function (id) { if (!self.details.has(id)) chunks.add(Math.floor(id / 100)); });
    return Promise.all(Array.from(chunks).map(function (c) {
      return self.get('search/d/' + c + '.json').then(function (recs) {
        if (recs) recs.forEach(function (r, i) { self.details.set(c * 100 + i, r); });
      });
    }));
  };

  // parse turns a query into words: {k, e, marked, prefix}; words of one
  // letter are dropped (they are not indexed). The last word is a prefix
  // unless the query ends with a space.
  function parse(q) {
    var ws = words(q);
    var open = !/\s$/.test(q);
    var out = [];
    ws.forEach(function (w, i) {
      var k = key(w);
      if (runeLen(k) < 2) return;
      var e = exact(w);
      out.push({ k: k, e: e, marked: e !== k, prefix: open && i === ws.length - 1 });
    });
    return out;
  }

  // scoreWord returns Map id → score for one query word.
  function scoreWord(w, s) {
    var scores = new Map();
    if (!s) return scores;
    function addTerm(term, entry, factor) {
      var vars = entry[0];
      var ids = gaps(entry[1]);
      var codes = entry[2];
      for (var i = 0; i < ids.length; i++) {
        var c = B64V[codes.charCodeAt(i)];
        var tier = c % TIERS, v = (c - tier) / TIERS;
        var sc = WEIGHT[tier] * factor;
        if (w.marked && term === w.k && vars[v] === w.e) sc *= EXACT_BONUS;
        else if (w.marked && term !== w.k && vars[v] && vars[v].indexOf(w.e) === 0) sc *= EXACT_BONUS;
        var old = scores.get(ids[i]);
        if (old === undefined || sc > old) scores.set(ids[i], sc);
      }
    }
    var len = runeLen(w.k);
    if (w.prefix && len < SHARD_LEN) {
      if (s.u) {
        var ids = gaps(s.u[0]);
        for (var i = 0; i < ids.length; i++) {
          scores.set(ids[i], WEIGHT[B64V[s.u[1].charCodeAt(i)] % TIERS] * PREFIX_FACTOR);
        }
      }
      if (s.t[w.k]) addTerm(w.k, s.t[w.k], 1);
    } else if (w.prefix) {
      Object.keys(s.t).forEach(function (term) {
        if (term.indexOf(w.k) === 0) addTerm(term, s.t[term], term === w.k ? 1 : PREFIX_FACTOR);
      });
    } else if (s.t[w.k]) {
      addTerm(w.k, s.t[w.k], 1);
    }
    return scores;
  }

  function shardFor(w) {
    return w.prefix && runeLen(w.k) < SHARD_LEN ? w.k : firstRunes(w.k, SHARD_LEN);
  }

  // search runs a query: resolves to [{id, score}] best first.
  Client.prototype.search = function (q) {
    var ws = parse(q);
    var self = this;
    if (!ws.length) return Promise.resolve([]);
    return Promise.all(ws.map(function (w) { return self.shard(shardFor(w)); })).then(function (shards) {
      var maps = ws.map(function (w, i) { return scoreWord(w, shards[i]); });
      maps.sort(function (a, b) { return a.size - b.size; });
      var out = [];
      maps[0].forEach(function (sc, id) {
        for (var i = 1; i < maps.length; i++) {
          var o = maps[i].get(id);
          if (o === undefined) return;
          sc += o;
        }
        out.push({ id: id, score: sc });
      });
      out.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
      return out;
    });
  };

  // ---- Rendering (textContent and createElement only) --------------------

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function fmt(s, n) { return String(s).replace(/%d|%s/, String(n)); }

  // marked returns el(tag, cls, text) with lang set when the text is in
  // another language than the page's.
  function marked(tag, cls, text, lang) {
    var e = el(tag, cls, text);
    if (lang) e.lang = lang;
    return e;
  }

  // groupName is the label of group v, in English on an English page.
  function groupName(m, v, L) {
    return (L.en && m.groupsEN && m.groupsEN[v]) || m.groups[v];
  }

  // card renders a result record [kind, title, path, star, status, thumb,
  // area, sub, English title?, English sub?] like
  // layouts/partials/card.html. Photos are
  // shared by every edition; the page link is the edition's.
  function card(client, rec, L) {
    var li = el('li', 'card');
    var path = rec[2];
    var href = new URL(L.edition + path, client.root).href;
    var title = (L.en && rec[8]) || rec[1];
    var titleLang = (L.en && rec[8]) ? '' : L.srcLang;
    if (rec[5]) {
      var img = el('img');
      img.src = new URL(path.replace(/index\.html$/, '') + 'anh/' + rec[5], client.root).href;
      img.alt = title;
      img.loading = 'lazy';
      li.appendChild(img);
    } else {
      var no = el('div', 'card-noimg', rec[0] === 0 ? '★' : (L.icons[rec[0]] || '•'));
      no.setAttribute('aria-hidden', 'true');
      li.appendChild(no);
    }
    var body = el('div', 'card-body');
    var h = el('h3', 'card-title');
    var a = marked('a', null, title, titleLang);
    a.href = href;
    h.appendChild(a);
    body.appendChild(h);
    var rank = el('p', 'card-rank');
    if (rec[0] !== 0) rank.appendChild(el('span', 'badge search-kind', L.kinds[rec[0]]));
    if (rec[3] > 0) {
      var stars = el('span', 'stars');
      var vis = el('span');
      vis.setAttribute('aria-hidden', 'true');
      for (var i = 1; i <= 5; i++) vis.appendChild(i <= rec[3] ? document.createTextNode('★') : el('span', 'star-off', '☆'));
      stars.appendChild(vis);
      stars.appendChild(document.createTextNode(' '));
      stars.appendChild(el('span', 'visually-hidden', fmt(L.star, rec[3])));
      rank.appendChild(stars);
    }
    var st = L.statusIds[rec[4]];
    if (st && st !== 'con-hieu-luc') {
      rank.appendChild(document.createTextNode(' '));
      rank.appendChild(el('span', 'badge status-' + st, L.status[rec[4]]));
    }
    if (rank.childNodes.length) body.appendChild(rank);
    var sub = (L.en && rec[9]) || rec[7];
    if (sub) {
      var pr = el('p', 'card-producer');
      if (rec[0] === 0) pr.appendChild(el('span', 'visually-hidden', L.producer + ': '));
      pr.appendChild(L.srcLang && !(L.en && rec[9]) ? marked('span', null, sub, L.srcLang) : document.createTextNode(sub));
      body.appendChild(pr);
    }
    if (rec[6]) {
      var ar = el('p', 'card-area');
      if (rec[0] !== 3) ar.appendChild(el('span', 'visually-hidden', L.area + ': '));
      ar.appendChild(L.srcLang && rec[0] !== 3 ? marked('span', null, rec[6], L.srcLang) : document.createTextNode(rec[6]));
      body.appendChild(ar);
    }
    li.appendChild(body);
    return li;
  }

  function labels(node) {
    var d = node.dataset;
    var split = function (s) { return String(s || '').split('|'); };
    return {
      count: d.lCount || '%d', none: d.lNone || '', more: d.lMore || '', star: d.lStar || '%d',
      kinds: split(d.lKinds), status: [''].concat(split(d.lStatus)), statusIds: ['', 'con-hieu-luc', 'sap-het-han', 'het-hieu-luc', 'da-thu-hoi', 'chua-cong-nhan', 'dang-phat-trien'],
      facets: split(d.lFacets), noStar: d.lNoStar || '', producer: d.lProducer || '', area: d.lArea || '',
      icons: ['★', '⌂', '⚑', '✉'], clear: d.lClear || '', loading: d.lLoading || '',
      edition: d.edition || '', srcLang: d.srcLang || '',
      en: !!global.document && document.documentElement.lang === 'en'
    };
  }

  // ---- Facets -----------------------------------------------------------

  // FACETS: name, value of a document from the manifest arrays.
  var FACETS = [
    { name: 'kind', of: function (m, id) { return m.kind[id]; } },
    { name: 'star', of: function (m, id) { return m.kind[id] === 0 ? m.star[id] : -1; } },
    { name: 'group', of: function (m, id) { return m.group[id]; } },
    { name: 'province', of: function (m, id) { return m.prov[id]; } },
    { name: 'commune', of: null }
  ];

  function facetLabel(name, v, m, L, communes) {
    switch (name) {
      case 'kind': return L.kinds[v];
      case 'star': return v > 0 ? fmt(L.star, v) : L.noStar;
      case 'group': return groupName(m, v, L);
      case 'province': return m.provinces[v];
      case 'commune': return communes ? communes.names[v] : '';
    }
    return String(v);
  }

  // ---- The search page ---------------------------------------------------

  function SearchPage(client, app, input) {
    this.client = client;
    this.app = app;
    this.input = input;
    this.L = labels(app);
    this.status = document.querySelector('.search-status');
    this.list = app.querySelector('.search-results');
    this.facetsNode = app.querySelector('.search-facets');
    this.moreBtn = app.querySelector('.search-more');
    this.results = [];
    this.filtered = [];
    this.shown = 0;
    this.sel = {};
    this.communes = null;
    this.seq = 0;
    this.q = '';
    this.pageSize = 20;
  }

  SearchPage.prototype.readURL = function () {
    var p = new URLSearchParams(location.search);
    this.sel = {};
    var self = this;
    FACETS.forEach(function (f) {
      var vs = p.getAll(f.name).map(Number).filter(function (n) { return !isNaN(n); });
      if (vs.length) self.sel[f.name] = new Set(vs);
    });
    return p.get('q') || '';
  };

  SearchPage.prototype.writeURL = function (push) {
    var p = new URLSearchParams();
    if (this.q) p.set('q', this.q);
    var self = this;
    FACETS.forEach(function (f) {
      if (self.sel[f.name]) self.sel[f.name].forEach(function (v) { p.append(f.name, v); });
    });
    var s = p.toString();
    var url = location.pathname + (s ? '?' + s : '');
    if (url === location.pathname + location.search) return;
    if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
  };

  SearchPage.prototype.run = function (q, push) {
    var self = this;
    var seq = ++this.seq;
    this.q = q;
    this.writeURL(push);
    // Keep the results' space at once (see "searching" in site.css), so
    // they do not push the page about when they arrive.
    var searching = parse(q).length > 0;
    document.body.classList.toggle('searching', searching);
    if (searching) this.app.hidden = false;
    if (!searching) {
      this.results = [];
      this.render();
      return Promise.resolve();
    }
    this.app.setAttribute('aria-busy', 'true');
    return Promise.all([this.client.search(q), this.client.loadManifest()]).then(function (r) {
      if (seq !== self.seq) return;
      self.results = r[0];
      return self.loadCommunes().then(function () { if (seq === self.seq) return self.render(); });
    });
  };

  SearchPage.prototype.loadCommunes = function () {
    var self = this;
    var p = this.sel.province;
    if (!p || p.size !== 1) { this.communes = null; return Promise.resolve(); }
    var pv = Array.from(p)[0];
    return this.client.communes(pv).then(function (c) { self.communes = c; });
  };

  SearchPage.prototype.value = function (f, id) {
    if (f.name === 'commune') {
      if (!this.communes) return -1;
      var c = this.communes.of.get(id);
      return c === undefined ? -1 : c;
    }
    return f.of(this.client.manifest, id);
  };

  // passes reports whether id passes every selected facet except skip.
  SearchPage.prototype.passes = function (id, skip) {
    for (var i = 0; i < FACETS.length; i++) {
      var f = FACETS[i];
      if (f === skip) continue;
      var s = this.sel[f.name];
      if (s && s.size && !s.has(this.value(f, id))) return false;
    }
    return true;
  };

  SearchPage.prototype.render = function () {
    var self = this;
    var m = this.client.manifest;
    var L = this.L;
    this.filtered = m ? this.results.filter(function (r) { return self.passes(r.id, null); }) : this.results;
    this.shown = 0;
    this.list.textContent = '';
    this.renderFacets();
    var n = this.filtered.length;
    if (!this.q || !parse(this.q).length) {
      this.status.textContent = '';
    } else {
      this.status.textContent = n ? fmt(L.count, n).replace('%s', this.q) : L.none.replace('%s', this.q);
    }
    this.app.hidden = false;
    return this.more();
  };

  SearchPage.prototype.more = function () {
    var self = this;
    var page = this.filtered.slice(this.shown, this.shown + this.pageSize);
    var seq = this.seq;
    var ids = page.map(function (r) { return r.id; });
    return this.client.fill(ids).then(function () {
      if (seq !== self.seq) return;
      page.forEach(function (r) {
        var rec = self.client.details.get(r.id);
        if (rec) self.list.appendChild(card(self.client, rec, self.L));
      });
      self.shown += page.length;
      self.moreBtn.hidden = self.shown >= self.filtered.length;
      self.app.removeAttribute('aria-busy');
    });
  };

  SearchPage.prototype.renderFacets = function () {
    var self = this;
    var m = this.client.manifest;
    var L = this.L;
    this.facetsNode.textContent = '';
    if (!m || !this.results.length) return;
    FACETS.forEach(function (f, fi) {
      if (f.name === 'commune' && !self.communes) return;
      var counts = new Map();
      self.results.forEach(function (r) {
        if (!self.passes(r.id, f)) return;
        var v = self.value(f, r.id);
        if (v < 0 && f.name !== 'star') return;
        if (f.name === 'star' && v < 0) return;
        counts.set(v, (counts.get(v) || 0) + 1);
      });
      var sel = self.sel[f.name];
      if (sel) sel.forEach(function (v) { if (!counts.has(v)) counts.set(v, 0); });
      if (!counts.size || (counts.size === 1 && !sel)) return;
      var vals = Array.from(counts.keys());
      vals.sort(function (a, b) {
        if (f.name === 'star') return b - a;
        if (f.name === 'kind') return a - b;
        return counts.get(b) - counts.get(a) || a - b;
      });
      var fs = el('fieldset', 'facet facet-' + f.name);
      fs.appendChild(el('legend', null, L.facets[fi] || f.name));
      var ul = el('ul');
      vals.forEach(function (v) {
        var li = el('li');
        var label = el('label');
        var cb = el('input');
        cb.type = 'checkbox';
        cb.name = f.name;
        cb.value = String(v);
        cb.checked = !!(sel && sel.has(v));
        cb.addEventListener('change', function () { self.toggle(f.name, v, cb.checked); });
        label.appendChild(cb);
        label.appendChild(document.createTextNode(' ' + facetLabel(f.name, v, m, L, self.communes) + ' '));
        label.appendChild(el('span', 'facet-count', '(' + counts.get(v) + ')'));
        li.appendChild(label);
        ul.appendChild(li);
      });
      fs.appendChild(ul);
      self.facetsNode.appendChild(fs);
    });
  };

  SearchPage.prototype.toggle = function (name, v, on) {
    var self = this;
    var s = this.sel[name] || new Set();
    if (on) s.add(v); else s.delete(v);
    if (s.size) this.sel[name] = s; else delete this.sel[name];
    if (name === 'province') delete this.sel.commune;
    this.seq++;
    this.writeURL(true);
    var focus = name + ':' + v;
    this.loadCommunes().then(function () { return self.render(); }).then(function () {
      var cb = self.facetsNode.querySelector('input[name="' + name + '"][value="' + v + '"]');
      if (cb) cb.focus();
      return focus;
    });
  };

  function initSearchPage(client) {
    var app = document.getElementById('search-app');
    var input = document.getElementById('q-page');
    if (!app || !input) return;
    var page = new SearchPage(client, app, input);
    var timer = 0;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { page.run(input.value, false); }, 120);
    });
    var form = input.form;
    if (form) form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      clearTimeout(timer);
      page.run(input.value, true);
    });
    var header = document.getElementById('q-header');
    if (header && header.form) header.form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      input.value = header.value;
      page.run(input.value, true);
      input.focus();
    });
    page.moreBtn.addEventListener('click', function () { page.more(); });
    window.addEventListener('popstate', function () {
      input.value = page.readURL();
      page.run(input.value, false);
    });
    input.value = page.readURL();
    client.loadManifest();
    if (input.value) page.run(input.value, false);
  }

  var api = {
    words: words, key: key, exact: exact, tokens: tokens, parse: parse, gaps: gaps, fileKey: fileKey,
    Client: Client, card: card, labels: labels, el: el, fmt: fmt, siteRoot: siteRoot, groupName: groupName
  };
  if (typeof module === 'object' && module.exports) module.exports = api;
  if (global.document) {
    var client = new Client(siteRoot(document.currentScript));
    api.client = client;
    global.ocopSearch = api;
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { initSearchPage(client); });
    else initSearchPage(client);
  }
})(typeof window !== 'undefined' ? window : globalThis);
