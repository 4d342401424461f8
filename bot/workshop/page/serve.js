/* While the app starts, say how long it has been and how many sessions are
   starting at once; when it ends, offer a fresh one. */
(function () {
  "use strict";
  var started = new Date().getTime();
  function $(id) { return document.getElementById(id); }
  function ready() { return /(^| )-first-byte( |$)/.test(document.body.className); }
  function poll() {
    if (ready()) { return; }
    var seconds = Math.round((new Date().getTime() - started) / 1000);
    $("elapsed").textContent = seconds >= 3 ? "Waiting " + seconds + " s." : "";
    var xhr = new XMLHttpRequest();
    xhr.open("GET", "/status", true);
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4 || xhr.status !== 200) { return; }
      var status = JSON.parse(xhr.responseText);
      if (status.full && !status.starting) {
        $("queue").textContent = "All sessions are in use right now. Please wait, or ask the facilitator.";
      } else if (status.starting > 1) {
        $("queue").textContent = status.starting + " sessions are starting at the same time, so this can take up to a minute. Please keep this page open.";
      } else {
        $("queue").textContent = "Please keep this page open.";
      }
    };
    xhr.send(null);
    setTimeout(poll, 1500);
  }
  $("restart").onclick = function () { window.location.reload(); };
  poll();
})();
