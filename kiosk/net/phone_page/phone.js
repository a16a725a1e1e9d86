// kiosk/net/phone_page: the phone side of "class on phones" — join with the game PIN, a preset
// nickname and, in a team game, a team (its name in its colour on the big screen), answer on big shape + letter + colour buttons, rejoin the seat after a drop (token in
// localStorage). ES5 only (old Android WebViews, the WeChat browser); text only via textContent.
(function () {
  'use strict';
  var TOKEN_KEY = 'lantai-phones-token';
  var SHAPES = ['\u25B2', '\u25C6', '\u25CF', '\u25A0', '\u2B22', '\u2605', '\u25B2', '\u25C6'];
  var LETTERS = 'ABCDEFGH';
  var app = document.getElementById('app');
  var ws = null;
  var retry = 0;
  var names = [];
  var teams = [];         // a team game: [{id, zh, en, colour, text}]; empty: each for themselves
  var me = null;          // {token, seat, name}
  var state = null;       // the last "state" message
  var chosenNick = '';
  var chosenTeam = '';
  var selected = [];      // multiple choice: ticked options
  var sentFor = -1;       // the question an answer was sent for
  var nextId = 1;
  var timerEnd = 0;
  var timerHandle = null;
  var pinFromUrl = (/[?&]pin=(\d{4})/.exec(window.location.search) || [])[1] || '';

  function storage(key, value) {
    try {
      if (value === undefined) return window.localStorage.getItem(key) || '';
      if (value === null) window.localStorage.removeItem(key); else window.localStorage.setItem(key, value);
    } catch (e) { /* private mode: no rejoin after a reload */ }
    return '';
  }

  function el(tag, cls, zh, en) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (zh !== undefined) e.appendChild(document.createTextNode(zh));
    if (en) { var s = document.createElement('span'); s.className = 'en'; s.textContent = en; e.appendChild(s); }
    return e;
  }

  // A team's colours (only #RRGGBB from the booth is used) on element e.
  function paint(e, team) {
    var hex = /^#[0-9A-Fa-f]{6}$/;
    if (hex.test(team.colour || '')) e.style.background = team.colour;
    if (hex.test(team.text || '')) e.style.color = team.text;
  }

  function screen() {
    while (app.firstChild) app.removeChild(app.firstChild);
    app.appendChild(el('h1', '', '全班答题', 'Class quiz'));
    if (me) app.appendChild(el('p', 'status', me.name.zh, me.name.en));
    if (me && me.team) {
      var chip = el('p', 'teamchip', me.team.zh, me.team.en);
      chip.id = 'my-team';
      paint(chip, me.team);
      app.appendChild(chip);
    }
  }

  function footer() {
    if (!state || !me) return;
    if (state.team && me.team) {
      // Team play: the team's place and score (the mean of its members' points), then mine.
      app.appendChild(el('p', 'foot', me.team.zh + '第 ' + state.team.rank + ' 名 · 队伍 ' + state.team.score +
        ' 分 · 我 ' + state.score + ' 分', me.team.en + ': rank ' + state.team.rank + ', ' + state.team.score +
        ' points · you: ' + state.score));
      return;
    }
    app.appendChild(el('p', 'foot', '得分 ' + state.score + ' · 第 ' + state.rank + ' 名',
      'Score ' + state.score + ' · rank ' + state.rank));
  }

  function send(obj) {
    if (ws && ws.readyState === 1) ws.send(JSON.stringify(obj));
  }

  function status(zh, en) {
    screen();
    app.appendChild(el('p', 'status', zh, en));
    footer();
  }

  // A grid of preset buttons ({id, zh, en}, a team also in its colours); a tap marks one and calls
  // pick(id).
  function choices(cls, attr, items, chosen, pick) {
    var grid = el('div', cls);
    for (var i = 0; i < items.length; i++) (function (item) {
      var b = el('button', item.id === chosen ? 'on' : '', item.zh, item.en);
      b.setAttribute(attr, item.id);
      paint(b, item);
      b.onclick = function () {
        var all = grid.getElementsByTagName('button');
        for (var k = 0; k < all.length; k++) all[k].className = all[k].getAttribute(attr) === item.id ? 'on' : '';
        pick(item.id);
      };
      grid.appendChild(b);
    })(items[i]);
    return grid;
  }

  function showJoin(error) {
    screen();
    var card = el('div', 'card');
    card.appendChild(el('div', '', '游戏 PIN（展台屏幕上的 4 位数）', 'Game PIN (the 4 digits on the booth\'s screen)'));
    var pin = document.createElement('input');
    pin.type = 'tel'; pin.maxLength = 4; pin.id = 'pin'; pin.value = pinFromUrl; pin.setAttribute('autocomplete', 'off');
    card.appendChild(pin);
    app.appendChild(card);
    var join = el('button', 'go', '加入', 'Join');
    join.id = 'join';
    function ready() { join.disabled = !chosenNick || (teams.length > 0 && !chosenTeam); }
    if (teams.length) {
      app.appendChild(el('div', '', '选择你的队伍', 'Pick your team'));
      app.appendChild(choices('names teams', 'data-team', teams, chosenTeam, function (id) { chosenTeam = id; ready(); }));
    }
    app.appendChild(el('div', '', '选择昵称', 'Pick a nickname'));
    var grid = choices('names', 'data-nick', names, chosenNick, function (id) { chosenNick = id; ready(); });
    ready();
    if (error) app.appendChild(el('p', 'status bad', error.zh, error.en));
    app.appendChild(grid);
    app.appendChild(join);
    join.onclick = function () {
      if (!/^\d{4}$/.test(pin.value)) { showJoin({zh: 'PIN 是 4 位数字', en: 'The PIN has 4 digits'}); return; }
      pinFromUrl = pin.value;
      var msg = {t: 'join', pin: pin.value, nick: chosenNick};
      if (teams.length) msg.team = chosenTeam;
      send(msg);
    };
  }

  function tick() {
    var t = document.getElementById('timer');
    if (!t) return;
    var left = Math.max(0, Math.ceil((timerEnd - new Date().getTime()) / 1000));
    t.textContent = '剩余 ' + left + ' 秒 · ' + left + ' s left';
  }

  function showQuestion(s) {
    screen();
    app.appendChild(el('p', 'status', '第 ' + (s.q + 1) + ' / ' + s.of + ' 题', 'Question ' + (s.q + 1) + ' of ' + s.of));
    var timer = el('p', 'timer'); timer.id = 'timer'; app.appendChild(timer);
    timerEnd = new Date().getTime() + (s.left_ms || 0);
    tick();
    if (s.waiting) { app.appendChild(el('p', 'big', '下一题开始时加入', 'You join at the next question')); footer(); return; }
    if (s.answered || sentFor === s.q) { app.appendChild(el('p', 'big', '已提交，等待其他同学…', 'Answer sent — waiting for the others')); footer(); return; }
    var multiple = s.kind === 'multiple';
    var grid = el('div', 'answers');
    var count = s.options || 2;
    for (var i = 0; i < count; i++) (function (i) {
      var b = document.createElement('button');
      b.className = 'a' + i + (selected.indexOf(i) >= 0 ? ' sel' : '');
      b.id = 'answer-' + i;
      if (s.kind === 'true_false') {
        b.appendChild(el('span', 'shape', i === 0 ? '\u25CB' : '\u2715'));
        b.appendChild(document.createTextNode(i === 0 ? '对 True' : '错 False'));
      } else {
        b.appendChild(el('span', 'shape', SHAPES[i]));
        b.appendChild(document.createTextNode(LETTERS.charAt(i)));
      }
      b.onclick = function () {
        if (multiple) {
          var at = selected.indexOf(i);
          if (at >= 0) selected.splice(at, 1); else selected.push(i);
          b.className = 'a' + i + (selected.indexOf(i) >= 0 ? ' sel' : '');
          document.getElementById('submit').disabled = selected.length === 0;
          return;
        }
        answer([i], s.q);
      };
      grid.appendChild(b);
    })(i);
    app.appendChild(grid);
    if (multiple) {
      var submit = el('button', 'go', '提交', 'Submit');
      submit.id = 'submit';
      submit.disabled = selected.length === 0;
      submit.onclick = function () { answer(selected.slice().sort(), s.q); };
      app.appendChild(submit);
    }
    footer();
  }

  function answer(options, q) {
    sentFor = q;
    send({t: 'answer', q: q, a: options, id: nextId++});
    status('已提交，等待其他同学…', 'Answer sent — waiting for the others');
  }

  function showTop(s, title) {
    screen();
    var byTeam = s.by === 'team';
    app.appendChild(el('p', 'big', (byTeam ? '队伍' : '') + title.zh, (byTeam ? 'Team ' : '') + title.en));
    if (byTeam) app.appendChild(el('p', 'rule', '队伍得分 = 队员得分的平均数', 'Team score = the average of its members\' points'));
    var list = document.createElement('ol');
    for (var i = 0; i < (s.top || []).length; i++) {
      var t = s.top[i];
      var li = el('li', '', byTeam ? undefined : t.name.zh + ' — ' + t.score);
      if (byTeam) { // the team's name in its colours (the place number stays on the page's colours)
        var row = el('span', 'teamrow', t.name.zh + ' — ' + t.score + ' 分 · ' + t.members + ' 人');
        paint(row, t);
        li.appendChild(row);
      }
      li.value = t.rank;
      list.appendChild(li);
    }
    app.appendChild(list);
    footer();
  }

  function render() {
    var s = state;
    if (!s) return;
    if (s.phase !== 'question') { timerEnd = 0; }
    if (s.phase === 'lobby') status('已加入！等待老师开始…', 'You are in! Waiting for the teacher…');
    else if (s.phase === 'question') showQuestion(s);
    else if (s.phase === 'reveal') {
      if (s.waiting) status('下一题开始时加入', 'You join at the next question');
      else if (!s.answered) status('时间到', 'Time is up');
      else if (s.correct) { screen(); app.appendChild(el('p', 'big ok', '答对了！+' + s.points, 'Correct! +' + s.points)); footer(); }
      else { screen(); app.appendChild(el('p', 'big bad', '答错了', 'Not this time')); footer(); }
    } else if (s.phase === 'leaderboard') showTop(s, {zh: '排行榜', en: 'Leaderboard'});
    else if (s.phase === 'podium') showTop(s, {zh: '领奖台', en: 'Podium'});
  }

  function onMessage(m) {
    if (m.t === 'welcome') {
      names = m.names || [];
      teams = m.teams || [];
      if (!teams.length) chosenTeam = '';
      me = null;
      storage(TOKEN_KEY, null);
      if (m.phase === 'podium') status('本场答题已结束', 'This game has ended');
      else showJoin();
    } else if (m.t === 'joined') {
      me = {token: m.token, seat: m.seat, name: m.name, team: m.team || null};
      storage(TOKEN_KEY, m.token);
    } else if (m.t === 'state') {
      if (m.phase === 'question' && (!state || state.q !== m.q)) selected = [];
      state = m;
      render();
    } else if (m.t === 'ack') {
      if (!m.ok && m.why === 'late') status('太晚了，这题已结束', 'Too late for this question');
    } else if (m.t === 'error') {
      var why = {pin: {zh: 'PIN 不对，请看展台屏幕', en: 'Wrong PIN: look at the booth\'s screen'},
        full: {zh: '人数已满', en: 'The game is full'}, over: {zh: '本场答题已结束', en: 'This game has ended'},
        nick: {zh: '请选择昵称', en: 'Pick a nickname'}, team: {zh: '请选择队伍', en: 'Pick your team'}}[m.why] || {zh: '出错了', en: 'Something went wrong'};
      showJoin(why);
    } else if (m.t === 'open') {
      send({t: 'hello', token: storage(TOKEN_KEY)});
    } else if (m.t === 'closed') {
      me = null; state = null;
      status('展台暂时没有进行中的答题', 'No game on the booth right now');
    }
  }

  function connect() {
    var url = (window.location.protocol === 'https:' ? 'wss://' : 'ws://') + window.location.host + '/ws';
    try { ws = new WebSocket(url); } catch (e) { reconnect(); return; }
    ws.onopen = function () { retry = 0; send({t: 'hello', token: storage(TOKEN_KEY)}); };
    ws.onmessage = function (e) {
      var m;
      try { m = JSON.parse(e.data); } catch (err) { return; }
      onMessage(m);
    };
    ws.onclose = function () { ws = null; reconnect(); };
  }

  function reconnect() {
    status('正在重新连接…', 'Reconnecting…');
    retry = Math.min(retry + 1, 5);
    setTimeout(connect, 500 * retry);
  }

  timerHandle = setInterval(function () { if (timerEnd) tick(); }, 500);
  setInterval(function () { send({t: 'ping', id: nextId++}); }, 20000);
  connect();
}());
