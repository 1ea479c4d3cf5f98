/* numcheck HTML report: detail panel and filters. Every string from a document is set with
   textContent, never parsed as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("numcheck-data").textContent);
  var panel = document.getElementById("detail");
  // Six significant digits, real minus signs: "−36.5449", "382,000,000".
  var number = new Intl.NumberFormat("en", { maximumSignificantDigits: 6 });
  var UNITS = { "percent": "%", "percentage_point": " pp" };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function num(x, open) {
    return x === null || x === undefined ? open : number.format(x).replace("-", "\u2212");
  }
  function unit(u) { return u ? (UNITS[u] || " " + u) : ""; }
  function interval(iv) {
    if (!iv) { return "—"; }
    return num(iv.value, "?") + unit(iv.unit) + " (" + num(iv.lower, "−∞") + " to " + num(iv.upper, "+∞") + ")";
  }
  function facts(pairs) {
    var dl = el("dl");
    pairs.forEach(function (p) {
      if (p[1] === "" || p[1] === null || p[1] === undefined) { return; }
      dl.appendChild(el("dt", null, p[0]));
      dl.appendChild(el("dd", null, p[1]));
    });
    return dl;
  }
  function docOf(node) { return node.closest("[data-doc]").getAttribute("data-doc"); }

  function resultCard(doc, rid) {
    var r = data[doc].results[rid];
    var card = el("div", "card v-" + r.verdict);
    var head = el("div");
    head.appendChild(el("span", "badge v-" + r.verdict, r.verdict));
    head.appendChild(document.createTextNode(" " + r.code + " " + r.check +
      (r.severity ? " · " + r.severity : "") + (r.edge ? " · edge of rounding" : "")));
    card.appendChild(head);
    card.appendChild(el("div", "where", "line " + r.line + ", column " + r.column));
    card.appendChild(facts([["stated", interval(r.stated)], ["computed", interval(r.computed)]]));
    card.appendChild(el("p", "message", r.message));
    return card;
  }

  function claimCard(doc, cid) {
    var d = data[doc], c = d.claims[cid];
    var card = el("div", "card");
    card.appendChild(el("div", null, "Claim " + c.id + " · " + c.kind));
    card.appendChild(el("p", "quote", "“" + c.shown + "”"));
    var roles = Object.keys(c.roles).map(function (role) {
      var q = d.quantities[c.roles[role]];
      return [role.replace(/_/g, " "), q ? q.shown : c.roles[role]];
    });
    card.appendChild(facts(roles));
    return card;
  }

  function select(doc, qids, rid) {
    document.querySelectorAll(".selected").forEach(function (n) { n.classList.remove("selected"); });
    var article = document.getElementById(doc);
    qids.forEach(function (qid) {
      article.querySelectorAll('mark.q[data-q="' + qid + '"]').forEach(function (m) { m.classList.add("selected"); });
    });
    if (rid) {
      var row = article.querySelector('tr.result[data-r="' + rid + '"]');
      if (row) { row.classList.add("selected"); }
    }
  }

  function showQuantity(doc, qid) {
    var d = data[doc], q = d.quantities[qid];
    panel.replaceChildren();
    panel.appendChild(el("h3", null, "“" + q.shown + "”"));
    panel.appendChild(el("div", "where", d.path + " · line " + q.line + ", column " + q.column));
    panel.appendChild(facts([
      ["value", num(q.value, "?") + unit(q.unit)],
      ["interval", num(q.lower, "−∞") + " to " + num(q.upper, "+∞")],
      ["kind", q.kind], ["qualifier", q.qualifier + (q.qualifier_text ? " (“" + q.qualifier_text + "”)" : "")],
      ["counts", q.noun], ["precision", q.precision]
    ]));
    var qids = [qid];
    if (!q.claims.length) { panel.appendChild(el("p", "muted", "Not part of any claim.")); }
    q.claims.forEach(function (cid) {
      var c = d.claims[cid];
      panel.appendChild(el("h4", null, "Claim"));
      panel.appendChild(claimCard(doc, cid));
      qids = qids.concat(c.quantity_ids);
      if (!c.results.length) {
        panel.appendChild(el("p", "muted", q.verdict === "suppressed" ?
          "Its result is suppressed by a numcheck comment (see the notes)." : "No check applies to this claim."));
      }
      c.results.forEach(function (rid) { panel.appendChild(resultCard(doc, rid)); });
    });
    select(doc, qids, null);
  }

  function showResult(doc, rid) {
    var d = data[doc], r = d.results[rid];
    panel.replaceChildren();
    panel.appendChild(el("h3", null, r.code + " " + r.check));
    panel.appendChild(el("div", "where", d.path + " · line " + r.line + ", column " + r.column));
    panel.appendChild(resultCard(doc, rid));
    var qids = [];
    r.claim_ids.forEach(function (cid) {
      panel.appendChild(el("h4", null, "Claim"));
      panel.appendChild(claimCard(doc, cid));
      qids = qids.concat(d.claims[cid].quantity_ids);
    });
    select(doc, qids, rid);
    var first = document.querySelector("#" + doc + " mark.q.selected");
    if (first) { first.scrollIntoView({ block: "center", behavior: "smooth" }); }
  }

  function activate(target) {
    var mark = target.closest("mark.q[data-q]");
    if (mark) { showQuantity(docOf(mark), mark.getAttribute("data-q")); return true; }
    var row = target.closest("tr.result[data-r]");
    if (row) { showResult(docOf(row), row.getAttribute("data-r")); return true; }
    return false;
  }
  document.addEventListener("click", function (e) { activate(e.target); });
  document.addEventListener("keydown", function (e) {
    if ((e.key === "Enter" || e.key === " ") && activate(e.target)) { e.preventDefault(); }
  });

  var form = document.getElementById("filters");
  function checked(name) {
    return new Set(Array.prototype.map.call(form.querySelectorAll('input[name="' + name + '"]:checked'),
      function (i) { return i.value; }));
  }
  function applyFilters() {
    var verdicts = checked("verdict"), codes = checked("code");
    var allCodes = form.querySelectorAll('input[name="code"]').length === 0;
    function shown(r) { return verdicts.has(r.verdict) && (allCodes || codes.has(r.code)); }
    document.querySelectorAll("tr.result").forEach(function (row) {
      var r = data[docOf(row)].results[row.getAttribute("data-r")];
      row.classList.toggle("hidden", !shown(r));
    });
    document.querySelectorAll("mark.q[data-q]").forEach(function (m) {
      var d = data[docOf(m)], q = d.quantities[m.getAttribute("data-q")];
      var rids = [];
      q.claims.forEach(function (cid) { rids = rids.concat(d.claims[cid].results); });
      m.classList.toggle("dim", rids.length > 0 && !rids.some(function (rid) { return shown(d.results[rid]); }));
    });
    var only = document.getElementById("only-findings");
    document.querySelectorAll("article.doc, table.index tbody tr").forEach(function (n) {
      n.classList.toggle("hidden", Boolean(only && only.checked) && n.getAttribute("data-findings") === "0");
    });
  }
  form.addEventListener("change", applyFilters);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
}());
