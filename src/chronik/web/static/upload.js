// The upload form with progress: the files go to /api/v1/ingest by XMLHttpRequest, the bar
// follows the upload, then one row per file says what became of it. Without JavaScript the
// form posts to /upload and the server renders the same table.
(function () {
  "use strict";
  var form = document.getElementById("upload");
  var text = document.getElementById("upload-strings");
  if (!form || !text || !window.XMLHttpRequest || !window.FormData) return;
  var s = JSON.parse(text.textContent);
  var status = document.getElementById("upload-status");
  var bar = document.getElementById("upload-bar");
  var pct = document.getElementById("upload-pct");
  var phase = document.getElementById("upload-phase");
  var result = document.getElementById("upload-result");
  var rows = document.getElementById("result-rows");
  var counts = document.getElementById("result-counts");
  var button = form.querySelector("button[type=submit]");

  function show(value) {
    bar.value = value;
    bar.textContent = value + " %";
    pct.textContent = value + " %";
  }
  function cell(row, content) {
    var td = document.createElement("td");
    if (typeof content === "string") td.textContent = content; else td.appendChild(content);
    row.appendChild(td);
    return td;
  }
  function fill(body) {
    rows.textContent = "";
    (body.results || []).forEach(function (r) {
      var tr = document.createElement("tr");
      tr.className = "st-" + r.status;
      cell(tr, r.file);
      cell(tr, s.status[r.status] || r.status);
      var td = cell(tr, (r.reasons || []).join("; "));
      (r.articles || []).forEach(function (id) {
        var a = document.createElement("a");
        a.href = "/articles/" + encodeURIComponent(id) + s.lq;
        a.textContent = id;
        td.appendChild(document.createTextNode(" "));
        td.appendChild(a);
      });
      rows.appendChild(tr);
    });
    counts.textContent = s.counts.replace("{stored}", body.stored).replace("{unchanged}", body.unchanged)
      .replace("{duplicates}", body.duplicates).replace("{rejected}", body.rejected);
    result.hidden = false;
  }
  form.addEventListener("submit", function (event) {
    var input = form.querySelector("input[type=file]");
    if (!input.files.length) return;  // let the browser say the field is required
    event.preventDefault();
    var data = new FormData();
    Array.prototype.forEach.call(input.files, function (f) { data.append("files", f, f.name); });
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.getAttribute("data-api"));
    xhr.responseType = "json";
    status.hidden = false;
    status.setAttribute("data-state", "sending");
    show(0);
    phase.textContent = s.sending;
    button.disabled = true;
    xhr.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) show(Math.round(100 * e.loaded / e.total));
    });
    xhr.upload.addEventListener("load", function () {
      show(100);
      phase.textContent = s.processing;
      status.setAttribute("data-state", "processing");
    });
    xhr.addEventListener("load", function () {
      button.disabled = false;
      var body = xhr.response || {};
      if (xhr.status === 200) {
        show(100);
        phase.textContent = s.done;
        status.setAttribute("data-state", "done");
        fill(body);
        form.reset();
      } else {
        var detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail || xhr.status);
        phase.textContent = s.failed + ": " + detail;
        status.setAttribute("data-state", "failed");
      }
    });
    xhr.addEventListener("error", function () {
      button.disabled = false;
      phase.textContent = s.failed;
      status.setAttribute("data-state", "failed");
    });
    xhr.send(data);
  });
})();
