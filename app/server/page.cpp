#include "server/page.hpp"

namespace pilotdeck::server {

namespace {

// All text from the server is inserted with textContent; the page has no inline script or style
// (the Content-Security-Policy allows only /app.js and /app.css from this server).
constexpr std::string_view kHtml = R"PD(<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>pilotdeck</title>
<link rel="stylesheet" href="/app.css">
<script src="/text.js"></script>
</head>
<body>
<main>
<header>
<h1 id="stage-title">pilotdeck</h1>
<p id="who"></p>
<p id="status" role="status" aria-live="polite"></p>
</header>
<section id="join" hidden>
<form id="join-form" autocomplete="off" novalidate>
<label for="code" data-t>Join code (on the screen)</label>
<input id="code" name="code" inputmode="numeric" pattern="[0-9]*" maxlength="6" autocomplete="one-time-code" required>
<label for="name" data-t>Your name (optional)</label>
<input id="name" name="name" maxlength="60" autocomplete="name">
<label for="department" data-t>Your department (optional)</label>
<input id="department" name="department" maxlength="60" autocomplete="organization-title">
<button id="join-btn" class="primary" type="submit" data-t>Join</button>
<p id="join-error" class="error" role="alert"></p>
</form>
</section>
<section id="concerns" hidden>
<h2 data-t>What worries you about AI at work?</h2>
<p data-t>Tap each worry you share. The screen shows only how many people tapped it, never who.</p>
<div id="concern-list"></div>
</section>
<section id="ideas" hidden>
<h2 data-t>Send an idea</h2>
<form id="idea-form" autocomplete="off" novalidate>
<label for="idea-title" data-t>Title</label>
<input id="idea-title" name="title" maxlength="120" required>
<label for="idea-problem" data-t>Which problem does it solve?</label>
<textarea id="idea-problem" name="problem" maxlength="1000" rows="5"></textarea>
<button id="idea-btn" class="primary" type="submit" data-t>Send idea</button>
<p id="idea-msg" role="status"></p>
</form>
<h2 id="my-ideas-title" hidden data-t>Your ideas</h2>
<ul id="my-ideas"></ul>
</section>
<section id="scoring" hidden>
<p id="round-msg"></p>
<div id="idea-list"></div>
<nav id="pager" hidden>
<p id="pager-text"></p>
<button id="pager-prev" type="button" data-t>Previous ideas</button>
<button id="pager-next" type="button" data-t>Next ideas</button>
</nav>
</section>
<section id="hack" hidden></section>
<section id="screen" hidden>
<p class="big" data-t>Look at the screen</p>
</section>
</main>
<script src="/app.js"></script>
<script src="/hackathon.js"></script>
</body>
</html>
)PD";

constexpr std::string_view kStyle = R"PD(*{box-sizing:border-box}
html{font-size:20px;-webkit-text-size-adjust:100%}
body{margin:0;background:#fff;color:#000;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.4}
main{max-width:40rem;margin:0 auto;padding:1rem}
header{border-bottom:4px solid #000;margin-bottom:1rem}
h1{font-size:1.5rem;margin:.2rem 0}
h2{font-size:1.25rem;margin:.6rem 0}
p{margin:.4rem 0}
h1,h2,p,li,.choice{overflow-wrap:anywhere}
label{display:block;font-weight:700;margin:1rem 0 .3rem}
input,textarea{display:block;width:100%;font:inherit;font-size:1.2rem;padding:.7rem;border:3px solid #000;border-radius:8px;background:#fff;color:#000}
button{font:inherit;font-weight:700;min-height:3rem;min-width:3rem;border:3px solid #000;border-radius:8px;background:#fff;color:#000;cursor:pointer;touch-action:manipulation}
button:disabled{opacity:.5}
button:focus-visible,input:focus-visible,textarea:focus-visible{outline:4px solid #0040c0;outline-offset:2px}
.primary{display:block;width:100%;margin-top:1rem;background:#000;color:#fff;min-height:3.5rem;font-size:1.2rem}
.scale{display:flex;gap:.4rem;margin:.4rem 0}
.scale button{flex:1 1 0;min-width:0;font-size:1.4rem;min-height:3.5rem;padding:0}
button.on{background:#000;color:#fff}
.choice{display:block;width:100%;text-align:left;padding:.8rem 1rem;margin:.6rem 0;font-size:1.1rem}
.choice.on::before{content:"\2713  "}
.card{border:3px solid #000;border-radius:10px;padding:.8rem;margin:1rem 0}
.card h2{margin-top:0}
.crit{border-top:2px solid #000;padding-top:.7rem;margin-top:.7rem}
.crit-label{font-weight:700;font-size:1.1rem}
.level{font-style:italic}
.mark{font-weight:700;min-height:1.4em}
.mark.ok{color:#005000}
.mark.wait{color:#7a4a00}
.mark.err,.error{color:#b00000;font-weight:700}
.big{font-size:2rem;font-weight:800;text-align:center;margin:3rem 0}
#who{margin:0}
#status{font-weight:700;color:#b00000;min-height:1.4em;margin:0}
#my-ideas li{margin:.3rem 0}
#hack .progress{font-weight:700;font-size:1.1rem}
#hack .pick{min-height:5rem;font-size:1.3rem}
#hack .choice .table{display:block;font-weight:400;font-size:1rem}
#hack .room{font-weight:700}
#hack .bar-row{display:flex;align-items:center;gap:.5rem;margin:.15rem 0}
#hack .bar-value{width:1.5rem;text-align:right;font-weight:700}
#hack .bar{display:inline-block;height:1rem;background:#000;min-width:2px}
[hidden]{display:none!important}
)PD";

constexpr std::string_view kScript = R"PD('use strict';
(function () {
  var TOKEN = 'pilotdeck.token';
  var QUEUE = 'pilotdeck.queue';
  var SECTIONS = ['join', 'concerns', 'ideas', 'scoring', 'hack', 'screen'];
  var state = null;
  var layout = '';
  var cells = {};
  var marks = {};
  var flushing = false;
  var from = 0;  // the first open idea shown (the state lists a page of them)

  function $(id) { return document.getElementById(id); }
  // The page's words in the workshop's language (/text.js, made by the server).
  var TEXT = window.pilotdeckText || { lang: 'en', decimal: '.', text: {} };
  function t(s) { return TEXT.text[s] || s; }
  function fill(s, args) { return s.replace(/\{(\d)\}/g, function (m, i) { return String(args[+i]); }); }
  function num(x, digits) { return Number(x).toFixed(digits).replace('.', TEXT.decimal); }
  document.documentElement.lang = TEXT.lang;
  Array.prototype.forEach.call(document.querySelectorAll('[data-t]'), function (e) { e.textContent = t(e.textContent); });
  function load(k) { try { return window.localStorage.getItem(k); } catch (e) { return null; } }
  function store(k, v) {
    try { if (v === null) window.localStorage.removeItem(k); else window.localStorage.setItem(k, v); } catch (e) {}
  }
  function queue() {
    try { var q = JSON.parse(load(QUEUE) || '{}'); return (q && typeof q === 'object') ? q : {}; } catch (e) { return {}; }
  }
  function saveQueue(q) { store(QUEUE, JSON.stringify(q)); }
  function key(idea, criterion) { return idea + '|' + criterion; }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function show(name) { SECTIONS.forEach(function (s) { $(s).hidden = (s !== name); }); }
  function status(text) { $('status').textContent = text || ''; }
  function errorText(res, fallback) {
    return (res.data && typeof res.data.error === 'string') ? res.data.error : fallback;
  }

  function api(method, path, body) {
    var headers = {};
    var token = load(TOKEN);
    if (token) headers['Authorization'] = 'Bearer ' + token;
    var init = { method: method, headers: headers, cache: 'no-store', credentials: 'omit' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (r) {
      return r.text().then(function (t) {
        var data = null;
        try { data = t ? JSON.parse(t) : null; } catch (e) {}
        return { status: r.status, data: data };
      });
    }, function () { return { status: 0, data: null }; });
  }

  function needJoin(text) {
    store(TOKEN, null);
    state = null;
    layout = '';
    $('stage-title').textContent = t('Join the workshop');
    $('who').textContent = '';
    $('join-error').textContent = text || '';
    show('join');
  }

  $('join-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var code = $('code').value.replace(/\s+/g, '');
    var name = $('name').value.trim();
    var department = $('department').value.trim();
    var body = { code: code };
    if (name) body.name = name;
    if (department) body.department = department;
    $('join-btn').disabled = true;
    $('join-error').textContent = t('Joining\u2026');
    api('POST', '/api/join', body).then(function (res) {
      $('join-btn').disabled = false;
      if (res.status === 200 && res.data && typeof res.data.token === 'string') {
        store(TOKEN, res.data.token);
        $('join-error').textContent = '';
        refresh().then(flush);
      } else if (res.status === 403) {
        $('join-error').textContent = t('That code is not right. Look at the screen.');
      } else if (res.status === 429) {
        $('join-error').textContent = t('Too many tries. Wait a minute, then try again.');
      } else if (res.status === 0) {
        $('join-error').textContent = t('No connection. Is your phone on the same network as the screen?');
      } else {
        $('join-error').textContent = errorText(res, fill(t('Could not join ({0}).'), [res.status]));
      }
    });
  });

  $('idea-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var title = $('idea-title').value.trim();
    if (!title) { $('idea-msg').textContent = t('Give your idea a title.'); return; }
    $('idea-btn').disabled = true;
    $('idea-msg').textContent = t('Sending\u2026');
    api('POST', '/api/idea', { title: title, problem: $('idea-problem').value.trim() }).then(function (res) {
      $('idea-btn').disabled = false;
      if (res.status === 201) {
        $('idea-title').value = '';
        $('idea-problem').value = '';
        $('idea-msg').textContent = t('Sent. Thank you! You can send another one.');
        refresh();
      } else if (res.status === 401) {
        needJoin(t('Please join again.'));
      } else if (res.status === 0) {
        $('idea-msg').textContent = t('Not sent: no connection. Your text is still here; try again.');
      } else {
        $('idea-msg').textContent = t('Not sent:') + ' ' + errorText(res, fill(t('error {0}'), [res.status]));
      }
    });
  });

  function renderConcerns() {
    var list = $('concern-list');
    var ticked = {};
    (state.ticked || []).forEach(function (id) { ticked[id] = true; });
    clear(list);
    state.concerns.forEach(function (c) {
      var b = el('button', 'choice' + (ticked[c.id] ? ' on' : ''), c.label);
      b.type = 'button';
      b.setAttribute('aria-pressed', ticked[c.id] ? 'true' : 'false');
      if (ticked[c.id]) b.disabled = true;
      b.addEventListener('click', function () {
        b.disabled = true;
        api('POST', '/api/concern', { concern: c.id }).then(function (res) {
          if (res.status === 200) {
            if (state.ticked.indexOf(c.id) < 0) state.ticked.push(c.id);
            renderConcerns();
          } else if (res.status === 401) {
            needJoin(t('Please join again.'));
          } else {
            b.disabled = false;
            status(res.status === 0 ? t('Not counted: no connection. Tap again.') : errorText(res, t('Not counted.')));
          }
        });
      });
      list.appendChild(b);
    });
  }

  function renderMyIdeas() {
    var list = $('my-ideas');
    clear(list);
    (state.my_ideas || []).forEach(function (i) { list.appendChild(el('li', '', i.title)); });
    $('my-ideas-title').hidden = !(state.my_ideas && state.my_ideas.length);
  }

  function levelText(c, v) {
    for (var i = 0; i < c.levels.length; i++) if (c.levels[i].value === v) return c.levels[i].text;
    return '';
  }

  // Before a vote: what the two ends of the scale mean.
  function scaleHint(c) {
    var low = levelText(c, c.min), high = levelText(c, c.max);
    return (low && high) ? c.min + ' = ' + low + ' \u2026 ' + c.max + ' = ' + high : '';
  }

  function buildScoring() {
    var list = $('idea-list');
    clear(list);
    cells = {};
    state.ideas.forEach(function (idea) {
      var card = el('section', 'card');
      card.appendChild(el('h2', '', idea.title));
      if (idea.problem) card.appendChild(el('p', '', idea.problem));
      state.criteria.forEach(function (c) {
        var box = el('div', 'crit');
        box.appendChild(el('p', 'crit-label', c.label));
        if (c.help) box.appendChild(el('p', 'help', c.help));
        var scale = el('div', 'scale');
        var buttons = [];
        for (var v = c.min; v <= c.max; v++) {
          (function (value) {
            var b = el('button', '', value);
            b.type = 'button';
            var lt = levelText(c, value);
            b.setAttribute('aria-label', lt ? value + ': ' + lt : String(value));
            b.addEventListener('click', function () { vote(idea.id, c.id, value); });
            buttons.push({ value: value, node: b });
            scale.appendChild(b);
          })(v);
        }
        box.appendChild(scale);
        var level = el('p', 'level');
        var mark = el('p', 'mark');
        box.appendChild(level);
        box.appendChild(mark);
        card.appendChild(box);
        cells[key(idea.id, c.id)] = { criterion: c, buttons: buttons, level: level, mark: mark };
      });
      list.appendChild(card);
    });
  }

  function ownScore(idea, criterion) {
    var s = state && state.scores ? state.scores : [];
    for (var i = 0; i < s.length; i++) if (s[i].idea === idea && s[i].criterion === criterion) return s[i].value;
    return null;
  }

  function updateScoring() {
    var q = queue();
    Object.keys(cells).forEach(function (k) {
      var cell = cells[k];
      var parts = k.split('|');
      var saved = ownScore(parts[0], parts[1]);
      var value = q[k] ? q[k].value : saved;
      cell.buttons.forEach(function (b) {
        var on = b.value === value;
        b.node.className = on ? 'on' : '';
        b.node.setAttribute('aria-pressed', on ? 'true' : 'false');
      });
      cell.level.textContent = value !== null ? levelText(cell.criterion, value) : scaleHint(cell.criterion);
      var m = marks[k];
      if (q[k]) m = m && m.cls === 'wait' ? m : { cls: 'wait', text: t('Sending\u2026') };
      else if (!m && saved !== null) m = { cls: 'ok', text: t('Saved') };
      cell.mark.className = 'mark' + (m ? ' ' + m.cls : '');
      cell.mark.textContent = m ? m.text : '';
    });
  }

  function renderScoring() {
    var shape = JSON.stringify([state.ideas, state.criteria]);
    if (shape !== layout) { layout = shape; buildScoring(); }
    var msg = '';
    if (!state.round_open) msg = t('This round is closed. Look at the screen.');
    else if (!state.ideas.length) msg = t('No ideas are open for scoring yet. Look at the screen.');
    else msg = t('Tap one number per question. You can change a vote until the round closes.');
    $('round-msg').textContent = msg;
    var total = state.ideas_total || state.ideas.length, first = state.ideas_from || 0;
    $('pager').hidden = total <= state.ideas.length;
    $('pager-text').textContent = fill(t('Ideas {0}\u2013{1} of {2}'), [first + 1, first + state.ideas.length, total]);
    $('pager-prev').disabled = first === 0;
    $('pager-next').disabled = first + state.ideas.length >= total;
    updateScoring();
  }

  function turn(to) {
    from = Math.max(0, to);
    window.scrollTo(0, 0);
    refresh();
  }
  $('pager-prev').addEventListener('click', function () { turn((state.ideas_from || 0) - 30); });
  $('pager-next').addEventListener('click', function () { turn((state.ideas_from || 0) + state.ideas.length); });

  // Criteria judging (contracts 6): the jury scores the teams' ideas as in scoring.
  function juryScoring() {
    var j = state.judging;
    state.ideas = j.teams.map(function (t) { return { id: t.idea, title: t.name + ': ' + t.title, problem: t.problem }; });
    state.ideas_from = 0;
    state.ideas_total = state.ideas.length;
    renderScoring();
    if (state.round_open && state.ideas.length)
      $('round-msg').textContent = fill(t('{0} of {1} teams scored. Tap one number per question.'), [j.done, j.of]);
  }

  function render() {
    var kind = state.stage.kind;
    $('stage-title').textContent = state.stage.title || t('Workshop');
    $('who').textContent = state.participant && state.participant.name ? fill(t('You: {0}'), [state.participant.name]) : '';
    var hack = window.pilotdeck.renderHack;
    if (kind === 'judging' && state.judging && state.judging.jury && state.judging.method === 'criteria') {
      juryScoring(); show('scoring');
    } else if (hack && hack(state)) show('hack');
    else if (kind === 'concerns') { renderConcerns(); show('concerns'); }
    else if (kind === 'ideas') { renderMyIdeas(); show('ideas'); }
    else if (kind === 'scoring') { renderScoring(); show('scoring'); }
    else show('screen');
  }

  function vote(idea, criterion, value) {
    var q = queue();
    var k = key(idea, criterion);
    q[k] = { idea: idea, criterion: criterion, value: value };
    saveQueue(q);
    delete marks[k];
    updateScoring();
    flush();
  }

  // Sends the queued votes one by one; a vote leaves the queue only when the server answered.
  function flush() {
    if (flushing || !load(TOKEN)) return;
    var q = queue();
    var keys = Object.keys(q);
    if (!keys.length) return;
    var k = keys[0];
    var v = q[k];
    flushing = true;
    api('PUT', '/api/score', { idea: v.idea, criterion: v.criterion, value: v.value }).then(function (res) {
      flushing = false;
      var now = queue();
      var same = now[k] && now[k].value === v.value;
      if (res.status === 200 && res.data && res.data.saved === true) {
        if (same) { delete now[k]; saveQueue(now); }
        if (state && state.scores) {
          state.scores = state.scores.filter(function (s) { return !(s.idea === v.idea && s.criterion === v.criterion); });
          state.scores.push({ idea: v.idea, criterion: v.criterion, value: v.value });
        }
        marks[k] = { cls: 'ok', text: t('Saved') };
        updateScoring();
        flush();
      } else if (res.status === 401) {
        needJoin(t('Please join again. Your unsent votes are kept.'));
      } else if (res.status === 0 || res.status >= 500 || res.status === 429) {
        marks[k] = { cls: 'wait', text: t('Not sent yet \u2013 it will be retried') };
        updateScoring();
      } else {
        if (same) { delete now[k]; saveQueue(now); }
        marks[k] = { cls: 'err', text: t('Not saved:') + ' ' + errorText(res, fill(t('error {0}'), [res.status])) };
        updateScoring();
        flush();
      }
    });
  }

  var polling = null;
  function refresh() {
    if (!load(TOKEN)) {
      if ($('join').hidden) needJoin('');
      return Promise.resolve();
    }
    if (polling) return polling;
    polling = api('GET', from ? '/api/state?from=' + from : '/api/state').then(function (res) {
      polling = null;
      if (res.status === 401) { needJoin(t('Please join again (the workshop was restarted).')); return; }
      if (res.status !== 200 || !res.data || !res.data.stage) {
        status(res.status === 0 ? t('No connection \u2013 retrying\u2026') : t('The server is busy \u2013 retrying\u2026'));
        return;
      }
      status('');
      state = res.data;
      if (!state.ticked) state.ticked = [];
      render();
    });
    return polling;
  }

  // For /hackathon.js (the hackathon's views), which adds renderHack.
  window.pilotdeck = {
    api: api, el: el, clear: clear, status: status, errorText: errorText, needJoin: needJoin, t: t, fill: fill, num: num,
    refresh: function () { return refresh(); }
  };

  var m = /^#(\d{6})$/.exec(window.location.hash);
  if (m) $('code').value = m[1];
  refresh().then(flush);
  window.setInterval(function () { refresh().then(flush); }, 3000);
  window.addEventListener('online', function () { refresh().then(flush); });
  document.addEventListener('visibilitychange', function () { if (!document.hidden) refresh().then(flush); });
})();
)PD";

}  // namespace

std::string_view page_html() { return kHtml; }
std::string_view page_script() { return kScript; }
std::string_view page_style() { return kStyle; }

}  // namespace pilotdeck::server
