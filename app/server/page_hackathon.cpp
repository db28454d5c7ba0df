// The hackathon's part of the phone page (contracts 6), served as /hackathon.js after /app.js:
// teams (create one, or join one with its code), pairwise judging ("A or B?", skip, undo,
// progress) for the jury, and the audience vote; and the re-vote round (contracts 9). Criteria judging reuses the scoring view
// (app.js). All text from the server is inserted with textContent.
#include "server/page.hpp"

namespace pilotdeck::server {

namespace {

constexpr std::string_view kScript = R"PD('use strict';
(function () {
  var pd = window.pilotdeck;
  if (!pd) return;
  var root = document.getElementById('hack');
  var built = '';
  var note = null;  // the last answer's message, kept over a rebuild

  function t(s) { return pd.t ? pd.t(s) : s; }
  function fill(s, args) { return s.replace(/\{(\d)\}/g, function (m, i) { return String(args[+i]); }); }
  function msgNode() {
    var m = pd.el('p', 'mark' + (note ? ' ' + note.cls : ''), note ? note.text : '');
    m.id = 'hack-msg';
    m.setAttribute('role', 'status');
    return m;
  }
  function say(text, cls) {
    note = text ? { text: text, cls: cls } : null;
    var m = document.getElementById('hack-msg');
    if (m) { m.textContent = text || ''; m.className = 'mark' + (cls ? ' ' + cls : ''); }
  }
  // The answer to an action; true when it was taken.
  function taken(res) {
    if (res.status === 401) { pd.needJoin(t('Please join again.')); return false; }
    if (res.status >= 200 && res.status < 300) return true;
    say(res.status === 0 ? t('No connection. Try again.') : pd.errorText(res, t('Not saved.')), 'err');
    return false;
  }
  function button(text, cls, onClick) {
    var b = pd.el('button', cls, text);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }
  function busy(on) { Array.prototype.forEach.call(root.querySelectorAll('button'), function (b) { b.disabled = on || b.dataset.off === '1'; }); }
  function after(promise, okText) {
    busy(true);
    return promise.then(function (res) {
      busy(false);
      if (taken(res)) { say(okText, 'ok'); built = ''; pd.refresh(); }
      return res;
    });
  }
  function teamLine(team) { return team.title ? team.name + ' \u2013 ' + team.title : team.name; }

  // Teams stage: my team and its code, or a form to make one and a field for a code.
  function teams(state) {
    var key = JSON.stringify(['teams', state.my_team]);
    if (key === built) return;
    built = key;
    pd.clear(root);
    var mine = state.my_team;
    if (mine) {
      var box = pd.el('section', 'card');
      box.appendChild(pd.el('h2', '', mine.name));
      if (mine.title) box.appendChild(pd.el('p', '', mine.title));
      box.appendChild(pd.el('p', '', t('Team code for your colleagues:')));
      box.appendChild(pd.el('p', 'big', mine.code));
      box.appendChild(pd.el('p', '', t('Members:') + ' ' + mine.members.join(', ')));
      root.appendChild(box);
      root.appendChild(msgNode());
      return;
    }
    var join = pd.el('form', 'card');
    join.appendChild(pd.el('h2', '', t('Join a team')));
    var lc = pd.el('label', '', t('Team code (ask your team)'));
    lc.htmlFor = 'team-code';
    var code = pd.el('input');
    code.id = 'team-code';
    code.maxLength = 10;
    code.autocomplete = 'off';
    code.setAttribute('autocapitalize', 'characters');
    join.appendChild(lc);
    join.appendChild(code);
    var jb = pd.el('button', 'primary', t('Join team'));
    jb.type = 'submit';
    join.appendChild(jb);
    join.addEventListener('submit', function (ev) {
      ev.preventDefault();
      after(pd.api('POST', '/api/team/join', { code: code.value.trim() }), t('You are in the team.'));
    });
    root.appendChild(join);

    var make = pd.el('form', 'card');
    make.appendChild(pd.el('h2', '', t('Or start a new team')));
    var fields = [['team-name', t('Team name'), 60], ['team-title', t('Your idea in a few words'), 120],
                  ['team-problem', t('Which problem does it solve?'), 1000]];
    var inputs = {};
    fields.forEach(function (f) {
      var l = pd.el('label', '', f[1]);
      l.htmlFor = f[0];
      var i = pd.el(f[0] === 'team-problem' ? 'textarea' : 'input');
      i.id = f[0];
      i.maxLength = f[2];
      make.appendChild(l);
      make.appendChild(i);
      inputs[f[0]] = i;
    });
    var mb = pd.el('button', 'primary', t('Start team'));
    mb.type = 'submit';
    make.appendChild(mb);
    make.addEventListener('submit', function (ev) {
      ev.preventDefault();
      after(pd.api('POST', '/api/team', { name: inputs['team-name'].value.trim(), title: inputs['team-title'].value.trim(),
                                         problem: inputs['team-problem'].value.trim() }), t('Your team is registered.'));
    });
    root.appendChild(make);
    root.appendChild(msgNode());
  }

  // Pairwise judging: "A or B?" for the jury.
  function pair(state) {
    var j = state.judging;
    var key = JSON.stringify(['pair', j, state.round_open]);
    if (key === built) return;
    built = key;
    pd.clear(root);
    root.appendChild(pd.el('p', 'progress', fill(t('{0} compared, about {1} to go'), [j.compared, j.to_go])));
    if (!state.round_open) {
      root.appendChild(pd.el('p', 'big', t('Judging is paused. Look at the screen.')));
    } else if (!j.pair) {
      root.appendChild(pd.el('p', 'big', t('No more pairs for you. Thank you!')));
    } else {
      root.appendChild(pd.el('h2', '', t('Which team did better?')));
      var a = j.pair[0], b = j.pair[1];
      [[a, b], [b, a]].forEach(function (wl) {
        var w = wl[0], l = wl[1];
        var btn = button(teamLine(w), 'choice pick', function () {
          after(pd.api('POST', '/api/compare', { winner: w.id, loser: l.id }), t('Saved.'));
        });
        if (w.table) btn.appendChild(pd.el('span', 'table', t('Table') + ' ' + w.table));
        root.appendChild(btn);
      });
      root.appendChild(button(t('Skip this pair'), 'choice', function () {
        after(pd.api('POST', '/api/skip', {}), t('Skipped.'));
      }));
    }
    var undo = button(t('Undo my last comparison'), 'choice', function () {
      after(pd.api('POST', '/api/undo', {}), t('Undone: decide this pair again.'));
    });
    if (!j.can_undo) { undo.disabled = true; undo.dataset.off = '1'; }
    root.appendChild(undo);
    root.appendChild(msgNode());
  }

  // The audience vote: one team, not one's own; the counts stay hidden until the awards.
  function audience(state) {
    var a = state.audience || { open: false, vote: null };
    var own = state.my_team ? state.my_team.id : '';
    var key = JSON.stringify(['audience', state.teams, a, own]);
    if (key === built) return;
    built = key;
    pd.clear(root);
    root.appendChild(pd.el('h2', '', t('Audience vote: which team convinced you?')));
    root.appendChild(pd.el('p', '', a.open ? t('One vote; you can change it until the vote closes. Nobody sees who voted for whom.')
                                           : t('The audience vote is closed.')));
    state.teams.forEach(function (team) {
      var mineNow = a.vote === team.id;
      var b = button(teamLine(team) + (team.id === own ? ' (' + t('your team') + ')' : ''), 'choice' + (mineNow ? ' on' : ''), function () {
        after(pd.api('PUT', '/api/vote', { team: team.id }), t('Your vote is saved.'));
      });
      b.setAttribute('aria-pressed', mineNow ? 'true' : 'false');
      if (!a.open || team.id === own) { b.disabled = true; b.dataset.off = '1'; }
      root.appendChild(b);
    });
    root.appendChild(msgNode());
  }

  // The re-vote (contracts 9): the contested cells this phone scored, with the room's spread.
  var chosen = {};
  function revote(state) {
    var r = state.revote;
    var key = JSON.stringify(['revote', r, state.round_open]);
    if (key === built) return;
    built = key;
    pd.clear(root);
    root.appendChild(pd.el('h2', '', t('Re-vote: the room disagrees on these')));
    root.appendChild(pd.el('p', '', t('Look at how the room scored. Keep your score or change it, and say why in one line.')));
    r.cells.forEach(function (c) {
      var k = c.idea + '|' + c.criterion;
      var box = pd.el('section', 'card revote');
      box.appendChild(pd.el('h2', '', c.title));
      box.appendChild(pd.el('p', 'crit-label', c.label));
      box.appendChild(pd.el('p', 'room', fill(t('The room: median {0}, middle half {1} to {2} ({3} raters)'),
                                               [pd.num(c.median, 1), pd.num(c.q1, 1), pd.num(c.q3, 1), c.raters])));
      var most = 1;
      c.histogram.forEach(function (h) { most = Math.max(most, h.count); });
      c.histogram.forEach(function (h) {
        var row = pd.el('div', 'bar-row');
        row.appendChild(pd.el('span', 'bar-value', h.value));
        var bar = pd.el('span', 'bar');
        bar.style.width = Math.round(70 * h.count / most) + '%';
        row.appendChild(bar);
        row.appendChild(pd.el('span', 'bar-count', h.count));
        box.appendChild(row);
      });
      box.appendChild(pd.el('p', '', fill(t('Your score: {0}'), [c.mine])));
      if (c.done) {
        box.appendChild(pd.el('p', 'mark ok', t('You re-voted on this one.')));
        root.appendChild(box);
        return;
      }
      var scale = pd.el('div', 'scale');
      var pick = chosen[k] !== undefined ? chosen[k] : c.mine;
      for (var v = c.min; v <= c.max; v++) (function (value) {
        var b = button(String(value), value === pick ? 'on' : '', function () {
          chosen[k] = value;
          Array.prototype.forEach.call(scale.children, function (x) { x.className = x.textContent === String(value) ? 'on' : ''; });
        });
        scale.appendChild(b);
      })(v);
      box.appendChild(scale);
      var label = pd.el('label', '', t('Why? (one line, optional)'));
      var reason = pd.el('input');
      reason.maxLength = 280;
      reason.id = 'reason-' + k.replace('|', '-');
      label.htmlFor = reason.id;
      box.appendChild(label);
      box.appendChild(reason);
      box.appendChild(button(t('Send new score'), 'primary', function () {
        var value = chosen[k] !== undefined ? chosen[k] : c.mine;
        after(pd.api('PUT', '/api/revote', { idea: c.idea, criterion: c.criterion, value: value, reason: reason.value.trim() }), t('Saved.'));
      }));
      root.appendChild(box);
    });
    if (!state.round_open) root.appendChild(pd.el('p', 'big', t('This round is closed. Look at the screen.')));
    root.appendChild(msgNode());
  }

  var view = '';
  function switchTo(name) { if (view !== name) { view = name; note = null; built = ''; } }

  pd.renderHack = function (state) {
    var kind = state.stage.kind;
    var j = state.judging;
    var r = state.revote;
    if (kind === 'scoring' && r && r.cells && r.cells.length) { switchTo('revote'); revote(state); return true; }
    switchTo(kind === 'teams' ? 'teams' : (kind === 'judging' && j && j.jury && j.method === 'pairwise') ? 'pair' : 'audience');
    if (kind === 'teams') { teams(state); return true; }
    if (kind === 'judging' && j && j.jury && j.method === 'pairwise') { pair(state); return true; }
    if ((kind === 'pitches' || kind === 'work' || kind === 'judging' || kind === 'awards') && state.teams && state.teams.length) {
      audience(state);
      return true;
    }
    built = '';
    return false;
  };
})();
)PD";

}  // namespace

std::string_view page_hackathon_script() { return kScript; }

}  // namespace pilotdeck::server
