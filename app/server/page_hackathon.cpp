// The hackathon's part of the phone page (contracts 6), served as /hackathon.js after /app.js:
// teams (create one, or join one with its code), pairwise judging ("A or B?", skip, undo,
// progress) for the jury, and the audience vote. Criteria judging reuses the scoring view
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

  var view = '';
  function switchTo(name) { if (view !== name) { view = name; note = null; built = ''; } }

  pd.renderHack = function (state) {
    var kind = state.stage.kind;
    var j = state.judging;
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
