/* The facilitator's private notes: asks the server every two seconds what
   the room is at and shows that step's notes, and the lines of an open
   "What would you say?" round, each with its habits and a button that puts
   it on the projector or takes it off. Text is set with textContent only.
   Its words come from the server in the workshop's language (data-words).
   ES5, so an old phone runs it. */
(function () {
  "use strict";
  var base = window.location.pathname.replace(/\/+$/, "");
  var drawn = "";
  var listedRound = null;  // the round whose lines are listed
  var buttons = {};        // line id -> its Show/Hide button

  function $(id) { return document.getElementById(id); }
  var W = JSON.parse(document.body.getAttribute("data-words"));
  function fmt(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) { return values[name] !== undefined ? String(values[name]) : all; });
  }
  function clear(box) { while (box.firstChild) { box.removeChild(box.firstChild); } }

  function paragraph(text, className) {
    var p = document.createElement("p");
    p.className = className;
    p.textContent = text;
    return p;
  }

  function fill(box, texts, none) {
    clear(box);
    if (!texts.length) { texts = [none]; }
    for (var i = 0; i < texts.length; i++) {
      box.appendChild(paragraph(texts[i], "text" + (texts[i] === none ? " small" : "")));
    }
  }

  function lineItem(round, line) {
    var item = document.createElement("li");
    item.appendChild(paragraph(line.text, "said-text"));
    var i;
    for (i = 0; i < line.helps.length; i++) {
      item.appendChild(paragraph(fmt(W.helps, line.helps[i]), "habit helps"));
    }
    for (i = 0; i < line.traps.length; i++) {
      item.appendChild(paragraph(fmt(W.traps, line.traps[i]), "habit trap"));
    }
    if (!line.helps.length && !line.traps.length) { item.appendChild(paragraph(W.no_habits, "small")); }
    if (line.try) { item.appendChild(paragraph(fmt(W["try"], { text: line["try"] }), "small")); }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "show";
    button.onclick = function () {
      choose(round, line.id, button.getAttribute("aria-pressed") !== "true");
    };
    item.appendChild(button);
    buttons[line.id] = button;
    return item;
  }

  function renderWords(words, canOpen) {
    var list = $("said");
    if (!words || words.round !== listedRound) {
      clear(list);
      buttons = {};
      listedRound = words ? words.round : null;
    }
    if (!words) {
      $("words-status").textContent = W.no_round + " " + (canOpen ? W.press_w : W.open_later);
      return;
    }
    var onScreen = 0;
    for (var i = 0; i < words.lines.length; i++) {
      var line = words.lines[i];
      if (!buttons[line.id]) { list.appendChild(lineItem(words.round, line)); }
      var button = buttons[line.id];
      button.setAttribute("aria-pressed", line.shown ? "true" : "false");
      button.textContent = line.shown ? W.hide : W.show;
      if (line.shown) { onScreen += 1; }
    }
    var count = fmt(words.lines.length === 1 ? W.lines.one : W.lines.other, { n: words.lines.length });
    $("words-status").textContent = fmt(W.open, { lines: count, shown: onScreen, limit: words.limit });
  }

  function show(view) {
    var key = JSON.stringify(view);
    if (key === drawn) { return; }
    drawn = key;
    $("where").textContent = view.where || "";
    $("phase").textContent = view.phase || "";
    renderWords(view.words || null, !!view.can_open_words);
    fill($("now"), view.now || [], W.no_notes);
    fill($("plan"), view.plan || [], W.no_plan);
  }

  function failed() {
    var error = $("error");
    error.textContent = W.stopped;
    error.removeAttribute("hidden");
  }

  function request(method, url, header, body) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, url, true);
    if (body) {
      xhr.setRequestHeader("X-Rehearse", header);
      xhr.setRequestHeader("Content-Type", "application/json");
    }
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) { return; }
      if (xhr.status === 200) {
        try { show(JSON.parse(xhr.responseText)); } catch (e) { return; }
        $("error").setAttribute("hidden", "");
      } else if (xhr.status === 409) {
        poll();  // the round closed meanwhile
      } else {
        failed();
      }
    };
    xhr.send(body ? JSON.stringify(body) : null);
  }

  function choose(round, line, shown) {
    request("POST", base + "/show", "show", { round: round, line: line, shown: shown });
  }

  function poll() { request("GET", base + "/notes", "", null); }

  poll();
  setInterval(poll, 2000);
})();
