/* The facilitator's private notes: asks the server every two seconds what
   the room is at and shows that step's notes. Text is set with textContent
   only. ES5, so an old phone runs it. */
(function () {
  "use strict";
  var address = window.location.pathname.replace(/\/+$/, "") + "/notes";
  var drawn = "";

  function $(id) { return document.getElementById(id); }

  function fill(box, texts, none) {
    while (box.firstChild) { box.removeChild(box.firstChild); }
    if (!texts.length) { texts = [none]; }
    for (var i = 0; i < texts.length; i++) {
      var p = document.createElement("p");
      p.className = "text" + (texts[i] === none ? " small" : "");
      p.textContent = texts[i];
      box.appendChild(p);
    }
  }

  function show(view) {
    var key = JSON.stringify(view);
    if (key === drawn) { return; }
    drawn = key;
    $("where").textContent = view.where || "";
    $("phase").textContent = view.phase || "";
    fill($("now"), view.now || [], "No facilitator notes for this moment.");
    fill($("plan"), view.plan || [], "This workshop has no plan notes.");
  }

  function poll() {
    var xhr = new XMLHttpRequest();
    xhr.open("GET", address, true);
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) { return; }
      var error = $("error");
      if (xhr.status === 200) {
        try { show(JSON.parse(xhr.responseText)); } catch (e) { return; }
        error.setAttribute("hidden", "");
      } else {
        error.textContent = "The workshop is not answering. It may have stopped.";
        error.removeAttribute("hidden");
      }
    };
    xhr.send(null);
  }

  poll();
  setInterval(poll, 2000);
})();
