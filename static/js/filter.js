/* Instant filters on the catalogue (/san-pham/): star, product group and
 * province, with counts, from the search index's manifest (no request per
 * change beyond the details of the cards shown). The static listing pages
 * stay the path without JavaScript; clearing the filters restores them.
 * Needs static/js/search.js loaded before it (both with defer).
 */
(function () {
  'use strict';
  var S = window.ocopSearch;
  var box = document.querySelector('.instant-filter');
  if (!S || !box) return;
  var section = box.parentNode;
  var staticList = section.querySelector('ul.cards');
  var pager = section.querySelector('.pager');
  var heading = section.querySelector('h2');
  var headingText = heading ? heading.textContent : '';
  var L = S.labels(box);
  var d = box.dataset;
  var client = S.client;
  var PAGE = 24;
  var FACETS = [
    { name: 'star', legend: 1, of: function (m, id) { return m.star[id]; } },
    { name: 'group', legend: 2, of: function (m, id) { return m.group[id]; } },
    { name: 'province', legend: 3, of: function (m, id) { return m.prov[id]; } }
  ];
  var sel = {};
  var products = [];
  var matched = [];
  var shown = 0;
  var seq = 0;
  var list = S.el('ul', 'cards filter-results');
  list.hidden = true;
  var status = S.el('p', 'filter-status visually-hidden');
  status.setAttribute('role', 'status');
  var more = S.el('button', 'filter-more', d.lMore);
  more.type = 'button';
  more.hidden = true;
  var clear = S.el('button', 'filter-clear', d.lClear);
  clear.type = 'button';
  clear.hidden = true;

  function label(f, v, m) {
    if (f.name === 'star') return S.fmt(L.star, v);
    if (f.name === 'group') return S.groupName(m, v, L);
    return m.provinces[v];
  }

  function passes(m, id, skip) {
    for (var i = 0; i < FACETS.length; i++) {
      var f = FACETS[i];
      if (f === skip) continue;
      var s = sel[f.name];
      if (s && s.size && !s.has(f.of(m, id))) return false;
    }
    return true;
  }

  function active() { return Object.keys(sel).length > 0; }

  function render(m, focus) {
    var form = box.querySelector('.filter-facets');
    form.textContent = '';
    FACETS.forEach(function (f) {
      var counts = new Map();
      products.forEach(function (id) {
        if (!passes(m, id, f)) return;
        var v = f.of(m, id);
        if (v < 0) return;
        counts.set(v, (counts.get(v) || 0) + 1);
      });
      var s = sel[f.name];
      if (s) s.forEach(function (v) { if (!counts.has(v)) counts.set(v, 0); });
      if (counts.size < 2 && !s) return;
      var vals = Array.from(counts.keys()).sort(function (a, b) {
        return f.name === 'star' ? b - a : label(f, a, m).localeCompare(label(f, b, m), 'vi');
      });
      var fs = S.el('fieldset', 'facet facet-' + f.name);
      fs.appendChild(S.el('legend', null, L.facets[f.legend]));
      var ul = S.el('ul');
      vals.forEach(function (v) {
        var li = S.el('li');
        var lab = S.el('label');
        var cb = S.el('input');
        cb.type = 'checkbox';
        cb.name = f.name;
        cb.value = String(v);
        cb.checked = !!(s && s.has(v));
        cb.addEventListener('change', function () {
          var set = sel[f.name] || new Set();
          if (cb.checked) set.add(v); else set.delete(v);
          if (set.size) sel[f.name] = set; else delete sel[f.name];
          update(m, f.name + ':' + v);
        });
        lab.appendChild(cb);
        lab.appendChild(document.createTextNode(' ' + label(f, v, m) + ' '));
        lab.appendChild(S.el('span', 'facet-count', '(' + counts.get(v) + ')'));
        li.appendChild(lab);
        ul.appendChild(li);
      });
      fs.appendChild(ul);
      form.appendChild(fs);
    });
    if (focus) {
      var parts = focus.split(':');
      var cb = form.querySelector('input[name="' + parts[0] + '"][value="' + parts[1] + '"]');
      if (cb) cb.focus();
    }
  }

  function update(m, focus) {
    seq++;
    writeURL();
    render(m, focus);
    var on = active();
    if (staticList) staticList.hidden = on;
    if (pager) pager.hidden = on;
    list.hidden = !on;
    clear.hidden = !on;
    list.textContent = '';
    shown = 0;
    if (!on) {
      if (heading) heading.textContent = headingText;
      more.hidden = true;
      status.textContent = '';
      return;
    }
    matched = products.filter(function (id) { return passes(m, id, null); });
    var text = matched.length ? S.fmt(d.lCount, matched.length) : d.lNone;
    if (heading) heading.textContent = text;
    status.textContent = text;
    showMore();
  }

  function showMore() {
    var mySeq = seq;
    var page = matched.slice(shown, shown + PAGE);
    return client.fill(page).then(function () {
      if (mySeq !== seq) return;
      page.forEach(function (id) {
        var rec = client.details.get(id);
        if (rec) list.appendChild(S.card(client, rec, L));
      });
      shown += page.length;
      more.hidden = shown >= matched.length;
    });
  }

  function writeURL() {
    var p = new URLSearchParams();
    FACETS.forEach(function (f) { if (sel[f.name]) sel[f.name].forEach(function (v) { p.append(f.name, v); }); });
    var s = p.toString();
    history.replaceState(null, '', location.pathname + (s ? '?' + s : ''));
  }

  function readURL() {
    var p = new URLSearchParams(location.search);
    FACETS.forEach(function (f) {
      var vs = p.getAll(f.name).map(Number).filter(function (n) { return !isNaN(n); });
      if (vs.length) sel[f.name] = new Set(vs);
    });
  }

  client.loadManifest().then(function (m) {
    if (!m) return;
    for (var id = 0; id < m.n; id++) if (m.kind[id] === 0 && m.cert[id] === 1) products.push(id);
    if (products.length < 2) return;
    box.appendChild(S.el('h3', 'filter-title', d.lTitle));
    var facets = S.el('div', 'filter-facets');
    facets.setAttribute('role', 'group');
    facets.setAttribute('aria-label', d.lTitle);
    box.appendChild(facets);
    box.appendChild(clear);
    box.appendChild(status);
    if (staticList) staticList.parentNode.insertBefore(list, staticList.nextSibling);
    else section.appendChild(list);
    list.parentNode.insertBefore(more, list.nextSibling);
    clear.addEventListener('click', function () { sel = {}; update(m); heading && heading.focus && heading.focus(); });
    more.addEventListener('click', showMore);
    readURL();
    box.hidden = false;
    update(m);
  });
})();
