/* The vote page: live updates over a WebSocket (polling when a phone has
   none), a vote that can change until it closes, a box for a line in
   your own words while a "What would you say?" round is open (kept
   nowhere on the phone: the box empties when the line is sent or the
   round closes), and text set with textContent only. Every word comes
   from the server in the phone's language (the page's data-words). ES5,
   so old phones run it. */
(function () {
  "use strict";
  var state = null;      // the room as the server last described it
  var mine = null;       // this phone's option in the open round
  var seq = 0;           // numbers our ballots so a replay is refused
  var roundId = null;
  var received = 0;      // when state arrived (for the countdown)
  var socket = null, retry = 1000, pollTimer = null;
  var broughtIntoView = null;  // the round whose ballot or text box was scrolled into view
  var wordsRound = null;       // the "What would you say?" round open now
  var said = 0;                // lines this phone has sent in it

  function $(id) { return document.getElementById(id); }
  var W = JSON.parse(document.body.getAttribute("data-words"));
  /* W's text with each {name} replaced by values[name] (set as text, never markup) */
  function fmt(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) { return values[name] !== undefined ? String(values[name]) : all; });
  }
  function plural(forms, n) { return fmt(n === 1 ? forms.one : forms.other, { n: n }); }
  function show(el, on) { if (on) { el.removeAttribute("hidden"); } else { el.setAttribute("hidden", ""); } }
  function say(el, text) { if (el.textContent !== text) { el.textContent = text; } }
  function clear(el) { while (el.firstChild) { el.removeChild(el.firstChild); } }
  function now() { return new Date().getTime(); }

  function request(method, url, body, done) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, url, true);
    xhr.setRequestHeader("X-Rehearse", url.slice(1));  // "vote", "say": the server wants its own page's word
    if (body) { xhr.setRequestHeader("Content-Type", "application/json"); }
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) { return; }
      var data = null;
      try { data = JSON.parse(xhr.responseText); } catch (e) { data = null; }
      done(xhr.status, data);
    };
    xhr.send(body ? JSON.stringify(body) : null);
  }

  function apply(next) {
    if (state && next.v < state.v) { return; }
    var vote = next.vote;
    var nextRound = vote ? vote.round : null;
    if (nextRound !== roundId) { mine = null; roundId = nextRound; }
    if (next.mine !== undefined) { mine = next.mine; }
    var nextWords = next.words ? next.words.round : null;
    if (nextWords !== wordsRound) { forgetLine(); said = 0; wordsRound = nextWords; }
    if (next.said !== undefined) { said = next.said; }
    if (next.seq !== undefined && next.seq > seq) { seq = next.seq; }
    if (next.nickname !== undefined) {
      say($("who"), next.nickname ? fmt(W.joined_as, { name: next.nickname }) : W.joined_nameless);
    }
    state = next;
    received = now();
    render();
  }

  var drawn = {};  // what each part shows now, so a vote count update keeps focus where it is

  function changed(part, key) {
    if (drawn[part] === key) { return false; }
    drawn[part] = key;
    return true;
  }

  function renderLines(lines) {
    var box = $("lines");
    if (!changed("lines", JSON.stringify(lines))) { return; }
    clear(box);
    for (var i = 0; i < lines.length; i++) {
      var p = document.createElement("p");
      p.className = "line" + (lines[i].safety ? " safety" : lines[i].speaker ? "" : " narration");
      if (lines[i].speaker) {
        var who = document.createElement("span");
        who.className = "speaker";
        who.textContent = lines[i].speaker + ": ";
        p.appendChild(who);
      }
      p.appendChild(document.createTextNode(lines[i].text));
      box.appendChild(p);
    }
  }

  function renderOptions(texts) {
    var box = $("options");
    if (changed("options", roundId + "|" + texts.join("\n"))) {
      clear(box);
      for (var i = 0; i < texts.length; i++) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "option";
        button.setAttribute("data-mine", W.your_vote);
        var num = document.createElement("span");
        num.className = "num";
        num.textContent = (i + 1) + ".";
        button.appendChild(num);
        button.appendChild(document.createTextNode(" " + texts[i]));
        button.onclick = (function (option) { return function () { send(option); }; })(i + 1);
        box.appendChild(button);
      }
    }
    var buttons = box.getElementsByTagName("button");
    for (var n = 0; n < buttons.length; n++) {
      buttons[n].setAttribute("aria-pressed", mine === n + 1 ? "true" : "false");
    }
  }

  /* When a vote opens, the whole ballot is on the screen without a
     scroll: on a small phone the scene above pushes it far down. Once
     per round, so the count ticking up never moves the page. */
  function bringIntoView(section, round) {
    if (broughtIntoView === round) { return; }
    broughtIntoView = round;
    var box = section.getBoundingClientRect();
    var height = window.innerHeight || document.documentElement.clientHeight;
    if (box.top < 0 || box.bottom > height) { section.scrollIntoView(true); }
  }

  function forgetLine() {
    $("line").value = "";
    countLine();
    show($("sent"), false);
  }

  function countLine() {
    say($("line-count"), fmt(W.characters, { n: $("line").value.length }));
  }

  function renderWords(words) {
    var left = words.limit - said;
    $("line").disabled = left <= 0;
    $("send").disabled = left <= 0;
    say($("left"), left <= 0 ? fmt(W.lines_done, { n: said }) : plural(said ? W.more_lines : W.up_to_lines, left));
    bringIntoView($("words"), "words" + words.round);
  }

  function renderResult(vote, texts) {
    var list = $("bars");
    clear(list);
    var total = 0, i;
    for (i = 0; i < vote.counts.length; i++) { total += vote.counts[i]; }
    for (i = 0; i < vote.counts.length; i++) {
      var item = document.createElement("li");
      if (vote.choice === i + 1) { item.className = "chosen"; }
      var label = document.createElement("span");
      label.textContent = (i + 1) + ". " + (texts[i] || "") + " · " + plural(W.votes, vote.counts[i]) +
        (vote.choice === i + 1 ? " " + W.rooms_choice : "") + (mine === i + 1 ? " " + W.yours : "");
      var bar = document.createElement("div");
      bar.className = "bar";
      bar.style.width = (total ? Math.round(100 * vote.counts[i] / total) : 0) + "%";
      bar.setAttribute("aria-hidden", "true");
      item.appendChild(label);
      item.appendChild(bar);
      list.appendChild(item);
    }
    say($("reason"), vote.reason || "");
  }

  function render() {
    var slide = state.slide || {}, vote = state.vote;
    var texts = slide.options || [];
    say($("heading"), slide.heading || "");
    say($("title"), slide.title || "");
    renderLines(slide.lines || []);
    say($("text"), slide.text || "");
    show($("text"), !!slide.text);
    $("text").className = slide.kind === "discuss" || slide.kind === "question" ? "text prompt" : "text";
    var open = !!(vote && vote.open);
    var closed = !!(vote && vote.counts);
    show($("ballot"), open && texts.length > 0);
    show($("result"), closed);
    show($("words"), !!state.words);
    if (state.words) { renderWords(state.words); }
    if (open) {
      renderOptions(texts);
      bringIntoView($("ballot"), "vote" + roundId);
      say($("count"), fmt(W.voted_count, { voters: vote.voters, people: state.people }));
      say($("status"), mine ? fmt(W.you_voted, { n: mine }) : W.vote_now);
    } else if (closed) {
      renderResult(vote, texts);
      say($("status"), W.closed);
    } else if (vote) {
      say($("status"), W.closing);
    } else if (state.words) {
      say($("status"), W.type_below);
    } else {
      say($("status"), slide.kind === "discuss" ? W.talk : W.watch);
    }
    tick();
  }

  function tick() {
    var vote = state && state.vote;
    var on = !!(vote && vote.open && vote.closes_in !== undefined);
    show($("timer"), on);
    if (on) {
      var left = Math.max(0, Math.ceil(vote.closes_in - (now() - received) / 1000));
      say($("timer"), fmt(W.closes_in, { n: left }));
    }
  }

  function send(option) {
    if (!state || !state.vote || !state.vote.open) { return; }
    seq += 1;
    var round = state.vote.round;
    request("POST", "/vote", { round: round, option: option, seq: seq }, function (status, data) {
      if (status === 200 && data) {
        if (roundId === round) { mine = data.mine; }
        show($("error"), false);
      } else if (status === 403) {
        window.location.reload();
        return;
      } else if (data && data.error !== "replayed") {
        say($("error"), refusal(data, W.vote_failed));
        show($("error"), true);
      }
      render();
    });
  }

  /* The server's refusal in this phone's words: known reasons have their own, others a plain failure. */
  function refusal(data, otherwise) {
    return (data && W.errors.hasOwnProperty(data.error)) ? W.errors[data.error] : otherwise;
  }

  function sendLine() {
    var text = $("line").value;
    if (!state || !state.words || !text.replace(/\s+/g, "")) { return; }
    var round = state.words.round;
    $("send").disabled = true;
    request("POST", "/say", { round: round, text: text }, function (status, data) {
      $("send").disabled = false;
      if (status === 200 && data) {
        if (wordsRound === round) { said = data.said; }
        forgetLine();
        show($("sent"), true);
        show($("error"), false);
      } else if (status === 403) {
        window.location.reload();
        return;
      } else {
        say($("error"), refusal(data, W.line_failed));
        show($("error"), true);
      }
      if (state) { render(); }
    });
  }

  $("send").onclick = sendLine;
  countLine();
  $("line").oninput = function () { countLine(); show($("sent"), false); };

  function poll() {
    request("GET", "/state?lang=" + W.lang, null, function (status, data) {
      if (status === 200 && data) { apply(data); }
      if (status === 403) { window.location.reload(); }
    });
  }

  function connect() {
    if (!window.WebSocket) { pollTimer = setInterval(poll, 3000); poll(); return; }
    socket = new WebSocket("ws://" + window.location.host + "/live?lang=" + W.lang);
    socket.onopen = function () {
      retry = 1000;
      if (pollTimer) { clearInterval(pollTimer); pollTimer = null; }
    };
    socket.onmessage = function (event) {
      try { apply(JSON.parse(event.data)); } catch (e) { return; }
    };
    socket.onclose = function () {
      if (!pollTimer) { pollTimer = setInterval(poll, 3000); }
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 15000);
    };
  }

  setInterval(function () { if (state) { tick(); } }, 1000);
  poll();
  connect();
})();
