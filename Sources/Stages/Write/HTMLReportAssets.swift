import LedeIO


/// The report's one style sheet and one script, and the Content-Security-Policy that allows exactly them.
///
/// Both are constants, so their SHA-256 hashes are computed once and every page carries the same policy:
/// `default-src 'none'` (nothing is fetched: no font, image, frame or connection), and the inline
/// `<style>` and `<script>` allowed only by their hashes. Document data travels in a
/// `<script type="application/json">` block, which the browser never runs, so it needs no hash.
enum ReportAssets {
    /// The `content` of the page's Content-Security-Policy `<meta>`.
    static let policy = "default-src 'none'; script-src '\(hash(script))'; style-src '\(hash(style))'; "
        + "base-uri 'none'; form-action 'none'"

    /// `sha256-` and the base64 of the SHA-256 of the text's UTF-8 bytes, as CSP writes a hash source.
    static func hash(_ text: String) -> String {
        "sha256-" + base64(Digest.sha256Bytes(Array(text.utf8)))
    }

    /// Standard base64 with padding.
    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let b0 = UInt32(bytes[i]), b1 = i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0, b2 = i + 2 < bytes.count ? UInt32(bytes[i + 2]) : 0
            let n = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(i + 1 < bytes.count ? alphabet[Int(n >> 6 & 63)] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? alphabet[Int(n & 63)] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The style sheet: the page, the charts, the explorer, and the documents' marks in label colours.
    static let style = """

        :root { --ink: #1d232a; --muted: #5b6570; --line: #e3e6ea; --soft: #f6f7f9; --accent: #2563eb; }
        * { box-sizing: border-box; }
        [hidden] { display: none !important; }
        body { font: 15px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 0 auto; max-width: 1240px; padding: 24px; }
        a { color: var(--accent); text-decoration: none; } a:hover { text-decoration: underline; }
        h1 { margin: 0 0 4px; font-size: 26px; } h2 { margin-top: 36px; border-bottom: 1px solid var(--line); padding-bottom: 4px; font-size: 20px; }
        header p { color: var(--muted); margin: 0; }
        nav.pages { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; font-size: 13px; margin: 14px 0; color: var(--muted); }
        nav.pages a, nav.pages b { padding: 2px 8px; border: 1px solid var(--line); border-radius: 6px; }
        nav.pages b { background: var(--ink); color: #fff; border-color: var(--ink); }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 18px; }
        .chart { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; } .chart h3 { margin: 0 0 6px; font-size: 14px; color: var(--muted); }
        .explore { display: grid; grid-template-columns: 290px 1fr; gap: 22px; align-items: start; }
        .explore > h2 { grid-column: 1 / -1; margin-bottom: 0; }
        .facets { position: sticky; top: 12px; max-height: calc(100vh - 24px); overflow-y: auto; font-size: 13px; padding-right: 4px; }
        .facets h3 { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 14px 0 4px; }
        .facets h3:first-child { margin-top: 0; }
        .facet { display: flex; width: 100%; justify-content: space-between; gap: 8px; border: 0; background: none; font: inherit; color: inherit;
          text-align: left; padding: 3px 6px; border-radius: 5px; cursor: pointer; }
        .facet:hover { background: var(--soft); } .facet.on { background: #dbeafe; font-weight: 600; }
        .facet .n { color: var(--muted); font-variant-numeric: tabular-nums; } .facet .name { overflow-wrap: anywhere; }
        .facet i { font-style: normal; font-size: 10px; font-weight: 700; letter-spacing: .04em; color: #222a; border-radius: 3px; padding: 0 3px; margin-left: 4px; background: var(--c, #e5e7eb); }
        .toggle { border: 0; background: none; color: var(--accent); font: inherit; font-size: 12px; cursor: pointer; padding: 2px 6px; }
        .search { width: 100%; font: inherit; font-size: 15px; padding: 8px 12px; border: 1px solid #cfd4da; border-radius: 8px; }
        .search:focus { outline: 2px solid #bfdbfe; border-color: var(--accent); }
        .chips { display: flex; flex-wrap: wrap; gap: 6px; margin: 8px 0 0; }
        .chip { border: 1px solid #bfdbfe; background: #eff6ff; color: #1e40af; border-radius: 999px; padding: 1px 10px; font: inherit; font-size: 12px; cursor: pointer; }
        .count { color: var(--muted); font-size: 13px; margin: 8px 0; }
        table.index { border-collapse: collapse; width: 100%; font-size: 13px; }
        .index td, .index th { border-bottom: 1px solid #eef0f2; padding: 5px 6px; text-align: left; vertical-align: top; }
        .index th { color: var(--muted); font-weight: 600; font-size: 12px; } .index td.num, .index th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .index td.title { color: var(--muted); } .index tr:hover td { background: var(--soft); }
        .more { margin: 10px 0; font: inherit; font-size: 13px; padding: 5px 14px; border: 1px solid var(--line); border-radius: 6px; background: #fff; cursor: pointer; }
        article { border-top: 1px solid var(--line); margin-top: 28px; padding: 8px 12px 4px; border-radius: 4px; } article h2 { border: 0; font-size: 18px; margin: 8px 0 2px; }
        article:target { background: #fffbeb; outline: 2px solid #fcd34d; }
        .source { color: var(--muted); font-size: 12px; margin: 0 0 10px; }
        mark.e { padding: 0 3px; border-radius: 4px; background: var(--c); line-height: 1.9; color: inherit; }
        mark.e.hit { outline: 2px solid var(--accent); outline-offset: 1px; }
        mark.e .l { font-size: 9px; font-weight: 700; letter-spacing: .04em; margin-left: 3px; vertical-align: 1px; color: #222a; }
        .q { border-bottom: 2px solid #8b5cf6; background: #f5f0ff; }
        .who { font-size: 11px; color: #6d28d9; margin-left: 3px; white-space: nowrap; }
        details.removed { margin: 10px 0; color: #6b7280; font-size: 13px; } details.removed s { color: #9ca3af; }
        details.removed li { margin: 2px 0; } .why { font-style: normal; background: #f3f4f6; border-radius: 3px; padding: 0 4px; margin-left: 4px; }
        .ctl { font: 10px monospace; background: #fee2e2; color: #991b1b; border-radius: 2px; padding: 0 2px; }
        .warn { color: #b45309; font-size: 12px; } .legend { font-size: 12px; color: var(--muted); margin-top: 36px; }
        .note { color: var(--muted); font-size: 13px; }
        @media (max-width: 820px) { .explore { grid-template-columns: 1fr; } .facets { position: static; max-height: none; } }
        mark.e, .facet i { --c: #e5e7eb; }
        \(HTML.labels.map { "mark.e.\($0), .facet i.\($0) { --c: \(HTML.color($0)); }" }.joined(separator: "\n"))

        """

    /// The explorer: reads the page's JSON data block, lists facets with the number of matching documents,
    /// filters by the facets clicked (all of them must hold) and by the words typed (each must appear in the
    /// id, the title or a facet's name), lists the matching documents a hundred at a time, and hides the
    /// documents of this page that do not match. It builds every element with `textContent`, never markup.
    static let script = """

        (function () {
          'use strict';
          var node = document.getElementById('lede-data');
          var root = document.getElementById('explore');
          if (!node || !root) return;
          var data = JSON.parse(node.textContent);
          var facets = data.facets, docs = data.docs, pages = data.pages;
          var groups = [['l', 'Entity labels'], ['e', 'Entities'], ['s', 'Speakers'], ['r', 'Removed, by reason']];
          var selected = [], query = [], shown = 100, open = {};
          var hay = docs.map(function (d) {
            var s = d[1] + ' ' + d[2];
            for (var i = 0; i < d[8].length; i++) s += '\\n' + facets[d[8][i]][2];
            return s.toLowerCase();
          });
          var articles = {};
          Array.prototype.forEach.call(document.querySelectorAll('article[id^="doc-"]'), function (a) { articles[a.id] = a; });
          // Each entity mark as the facet it counts under: its label, and its canonical name (in its title
          // after the label) or its text (without the label tag), white space collapsed as in the data.
          var marks = Array.prototype.map.call(document.querySelectorAll('article mark.e'), function (m) {
            var title = m.getAttribute('title') || '', at = title.indexOf(' \\u00b7 '), tag = m.lastElementChild;
            var lab = at >= 0 ? title.slice(0, at) : title, text = m.textContent;
            if (at >= 0) text = title.slice(at + 3);
            else if (tag && tag.className === 'l') text = text.slice(0, text.length - tag.textContent.length);
            return { el: m, key: lab + '\\t' + text.replace(/\\s+/g, ' ').trim() };
          });
          var $ = function (id) { return document.getElementById(id); };
          function el(tag, cls, text) {
            var e = document.createElement(tag);
            if (cls) e.className = cls;
            if (text !== undefined) e.textContent = String(text);
            return e;
          }
          function label(f) { return f[0] === 'e' ? f[2] + ' \\u00b7 ' + f[1] : f[2]; }
          function matches(i) {
            var d = docs[i];
            for (var k = 0; k < selected.length; k++) if (d[8].indexOf(selected[k]) < 0) return false;
            for (var w = 0; w < query.length; w++) if (hay[i].indexOf(query[w]) < 0) return false;
            return true;
          }
          function href(d) {
            if (!d[3]) return null;
            return (d[3] === data.page ? '' : pages[d[3] - 1]) + '#doc-' + d[0];
          }
          function render() {
            var hits = [], counts = new Array(facets.length);
            for (var c = 0; c < counts.length; c++) counts[c] = 0;
            for (var i = 0; i < docs.length; i++) {
              if (!matches(i)) continue;
              hits.push(i);
              for (var j = 0; j < docs[i][8].length; j++) counts[docs[i][8][j]]++;
            }
            renderFacets(counts);
            renderChips();
            renderRows(hits);
            renderArticles(hits);
          }
          function renderFacets(counts) {
            var box = $('facets');
            box.textContent = '';
            groups.forEach(function (g) {
              var list = [];
              for (var i = 0; i < facets.length; i++) {
                if (facets[i][0] === g[0] && (counts[i] > 0 || selected.indexOf(i) >= 0)) list.push(i);
              }
              if (!list.length) return;
              list.sort(function (a, b) { return counts[b] - counts[a] || a - b; });
              box.appendChild(el('h3', '', g[1]));
              var limit = open[g[0]] ? 200 : 8;
              list.slice(0, limit).forEach(function (i) {
                var f = facets[i], b = el('button', 'facet' + (selected.indexOf(i) >= 0 ? ' on' : ''));
                b.type = 'button';
                b.setAttribute('aria-pressed', selected.indexOf(i) >= 0 ? 'true' : 'false');
                var name = el('span', 'name', f[0] === 'l' ? '' : f[2]);
                if (f[0] === 'l' || f[0] === 'e') { var tag = el('i', f[1], f[1]); name.appendChild(tag); }
                b.appendChild(name);
                b.appendChild(el('span', 'n', counts[i]));
                b.title = label(f) + ': ' + counts[i] + ' documents';
                b.addEventListener('click', function () { toggle(i); });
                box.appendChild(b);
              });
              if (list.length > 8) {
                var t = el('button', 'toggle', open[g[0]] ? 'Show fewer' : list.length > 200 ? 'Show 200 of ' + list.length : 'Show all ' + list.length);
                t.type = 'button';
                t.addEventListener('click', function () { open[g[0]] = !open[g[0]]; render(); });
                box.appendChild(t);
              }
            });
          }
          function toggle(i) {
            var k = selected.indexOf(i);
            if (k >= 0) selected.splice(k, 1); else selected.push(i);
            shown = 100;
            render();
          }
          function renderChips() {
            var box = $('chips');
            box.textContent = '';
            selected.forEach(function (i) {
              var c = el('button', 'chip', '\\u00d7 ' + label(facets[i]));
              c.type = 'button';
              c.title = 'Remove this filter';
              c.addEventListener('click', function () { toggle(i); });
              box.appendChild(c);
            });
            if (selected.length + query.length > 1) {
              var all = el('button', 'chip', 'Clear all');
              all.type = 'button';
              all.addEventListener('click', function () { selected = []; query = []; $('q').value = ''; shown = 100; render(); });
              box.appendChild(all);
            }
          }
          function renderRows(hits) {
            var filtered = selected.length || query.length;
            $('count').textContent = filtered
              ? hits.length + ' of ' + docs.length + ' documents match'
              : docs.length + ' documents' + (data.documents > docs.length ? ' on this page, of ' + data.documents : '');
            var body = $('rows');
            body.textContent = '';
            hits.slice(0, shown).forEach(function (i) {
              var d = docs[i], tr = el('tr'), td = el('td'), link = href(d);
              var a = el(link ? 'a' : 'span', '', d[1]);
              if (link) a.href = link;
              td.appendChild(a);
              tr.appendChild(td);
              tr.appendChild(el('td', 'title', d[2]));
              [d[4], d[5], d[6], d[7], d[3] || ''].forEach(function (v) { tr.appendChild(el('td', 'num', v)); });
              body.appendChild(tr);
            });
            if (!hits.length) {
              var empty = el('tr'), cell = el('td', 'note', 'No document matches. Remove a filter or change the search.');
              cell.colSpan = 7;
              empty.appendChild(cell);
              body.appendChild(empty);
            }
            var more = $('more');
            more.hidden = hits.length <= shown;
            more.textContent = 'Show ' + Math.min(100, hits.length - shown) + ' more (' + (hits.length - shown) + ' not shown)';
          }
          function renderArticles(hits) {
            var filtered = selected.length || query.length, keep = {};
            hits.forEach(function (i) { keep['doc-' + docs[i][0]] = true; });
            var visible = 0, total = 0;
            for (var id in articles) {
              total++;
              articles[id].hidden = filtered && !keep[id];
              if (!articles[id].hidden) visible++;
            }
            // Outline the mentions of the entities filtered by, in the documents shown.
            var wanted = {};
            selected.forEach(function (i) { if (facets[i][0] === 'e') wanted[facets[i][1] + '\\t' + facets[i][2]] = true; });
            marks.forEach(function (m) { m.el.classList.toggle('hit', !!wanted[m.key]); });
            var note = $('page-note');
            if (note) note.textContent = filtered ? visible + ' of the ' + total + ' documents on this page match the filters.' : '';
          }
          var timer = null;
          $('q').addEventListener('input', function (event) {
            clearTimeout(timer);
            timer = setTimeout(function () {
              query = event.target.value.toLowerCase().split(/\\s+/).filter(function (w) { return w; });
              shown = 100;
              render();
            }, docs.length > 20000 ? 250 : 80);
          });
          $('more').addEventListener('click', function () { shown += 100; render(); });
          document.addEventListener('keydown', function (event) {
            var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement && document.activeElement.tagName);
            if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) { event.preventDefault(); $('q').focus(); }
          });
          // A link may carry a search (`?q=words`) and filters (`?f=e:GPE:Seoul&f=s::Dana Reyes`): kind, label, name.
          new URLSearchParams(location.search).forEach(function (value, key) {
            if (key === 'q') {
              $('q').value = value;
              query = value.toLowerCase().split(/\\s+/).filter(function (w) { return w; });
            } else if (key === 'f') {
              var parts = value.split(':'), kind = parts.shift(), lab = parts.shift(), name = parts.join(':');
              for (var i = 0; i < facets.length; i++) {
                var f = facets[i];
                if (f[0] === kind && f[2] === name && (f[1] === lab || kind !== 'e') && selected.indexOf(i) < 0) selected.push(i);
              }
            }
          });
          root.hidden = false;
          document.documentElement.setAttribute('data-explorer', 'ready');
          render();
          // The explorer moved the page down after the browser scrolled to the linked document: scroll again.
          var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
          if (target) target.scrollIntoView();
        })();

        """
}
