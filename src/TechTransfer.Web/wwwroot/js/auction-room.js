// The live auction room (Exchange/Pages/Auctions/AuctionRoom.razor): progressive enhancement, no inline script (CSP).
// Without this file the page shows the lot as the server rendered it and every form posts normally. With it:
//  - the room joins the lot's group on the SignalR hub /hubs/auctions and applies each pushed `lot` state (current
//    price, leading paddle, accepted bids, effective close, next valid amounts, new bid lines, result) without reload;
//  - a countdown to the start or the effective close ticks every second on the server's clock (offset measured from
//    the state's serverTime), and shows "ended" at zero — the close itself is the server's close job;
//  - the bid form posts in the background (fetch, same form fields and antiforgery token as a normal post) and shows the
//    message of the page the server answers; the new state comes from that page and from the push, whichever is newer.
// Every text comes from the page (data-texts), every figure from the server; amounts are formatted like Yuan.Display.
(function () {
  "use strict";

  var PHASES = { 1: "Announced", 2: "Bidding", 3: "AwaitingClose", 4: "Sold", 5: "NoSale", 6: "Withdrawn", 7: "Defaulted" };
  var NUMBERS = {}; Object.keys(PHASES).forEach(function (k) { NUMBERS[PHASES[k]] = Number(k); });

  function phaseNumber(p) { return typeof p === "number" ? p : (NUMBERS[p] || 0); }

  function grouped(n) {
    var parts = Math.abs(n).toFixed(2).split(".");
    return (n < 0 ? "-" : "") + parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ",") + "." + parts[1];
  }

  // Yuan.Display, plus the exact yuan where the 万元 figure rounds (AuctionText.Amount)
  function amount(n, english) {
    if (english) return "¥" + grouped(n);
    var abs = Math.abs(n), shown;
    if (abs >= 100000000) shown = grouped(n / 100000000) + " 亿元";
    else if (abs >= 10000) shown = grouped(n / 10000) + " 万元";
    else return grouped(n) + " 元";
    return Math.round(n * 100) % 10000 === 0 ? shown : shown + "（" + grouped(n) + " 元）";
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  // an instant in Shanghai time (UTC+8, no daylight saving), to the second: BusinessTime.ToLocal
  function shanghai(iso) {
    var d = new Date(new Date(iso).getTime() + 8 * 3600 * 1000);
    return d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate()) + " " +
      pad(d.getUTCHours()) + ":" + pad(d.getUTCMinutes()) + ":" + pad(d.getUTCSeconds());
  }

  function format(template, args) {
    return template.replace(/\{(\d+)\}/g, function (_, i) { return args[Number(i)]; });
  }

  function Room(root) {
    this.root = root;
    this.lotId = root.getAttribute("data-lot-id");
    this.texts = JSON.parse(root.getAttribute("data-texts"));
    this.english = this.texts.english === "1";
    this.myPaddle = root.getAttribute("data-my-paddle") ? Number(root.getAttribute("data-my-paddle")) : null;
    this.startsAt = new Date(root.getAttribute("data-starts-at")).getTime();
    this.endsAt = new Date(root.getAttribute("data-ends-at")).getTime();
    this.hasBid = root.getAttribute("data-has-bid") === "1";
    this.state = null;
    this.offset = 0;
    this.apply(JSON.parse(root.getAttribute("data-state")));
  }

  Room.prototype.el = function (name) { return this.root.querySelector("[data-room='" + name + "']"); };

  Room.prototype.set = function (name, text) {
    var e = this.el(name);
    if (e && e.textContent !== text) e.textContent = text;
  };

  Room.prototype.paddle = function (p) { return p == null ? "" : format(this.texts.PaddleFormat, [p]); };

  // a state is applied when it is not older than the one shown (accepted bids and the close only move forward)
  Room.prototype.isNewer = function (s) {
    var cur = this.state;
    if (!cur) return true;
    if (s.acceptedBids !== cur.acceptedBids) return s.acceptedBids > cur.acceptedBids;
    return new Date(s.serverTime).getTime() >= new Date(cur.serverTime).getTime();
  };

  Room.prototype.apply = function (s) {
    if (!this.isNewer(s)) { this.addBids(s.newBids || []); return; }
    this.state = s;
    this.offset = new Date(s.serverTime).getTime() - Date.now();
    var phase = phaseNumber(s.phase), t = this.texts;
    this.set("phase", t["phase" + phase] || "");
    this.set("high", s.highBid == null ? t.NoBids : amount(s.highBid, this.english));
    this.set("high-paddle", this.paddle(s.highBidPaddle));
    this.set("accepted", String(s.acceptedBids));
    this.set("registrations", String(s.registrations));
    this.set("close", shanghai(s.effectiveCloseAt));
    this.set("extended", this.extended(s) ? t.Extended : "");
    this.addBids(s.newBids || []);
    this.standing(s, phase);
    this.amounts(s.nextValidAmounts || [], phase);
    this.result(s, phase);
    this.tick();
  };

  Room.prototype.extended = function (s) { return new Date(s.effectiveCloseAt).getTime() > this.endsAt; };

  Room.prototype.standing = function (s, phase) {
    if (this.myPaddle == null || !this.el("standing")) return;
    if (phase !== 1 && phase !== 2) return; // after the close the server's page says won / not won
    var mine = this.hasBid || this.root.querySelectorAll("[data-room='history'] tr[data-paddle='" + this.myPaddle + "']").length > 0;
    this.set("standing", s.highBidPaddle === this.myPaddle ? this.texts.Leading : (mine ? this.texts.Outbid : this.el("standing").textContent));
  };

  Room.prototype.addBids = function (bids) {
    var body = this.el("history");
    if (!body) return;
    var self = this;
    bids.slice().sort(function (a, b) { return a.sequence - b.sequence; }).forEach(function (b) {
      if (body.querySelector("tr[data-sequence='" + b.sequence + "']")) return;
      var tr = document.createElement("tr");
      tr.setAttribute("data-sequence", String(b.sequence));
      tr.setAttribute("data-paddle", String(b.paddleNumber));
      [String(b.sequence), self.paddle(b.paddleNumber), amount(b.amount, self.english), shanghai(b.at)].forEach(function (text) {
        var td = document.createElement("td");
        td.textContent = text;
        tr.appendChild(td);
      });
      // newest first, like the server renders the recent bids
      var before = null;
      Array.prototype.some.call(body.querySelectorAll("tr[data-sequence]"), function (row) {
        if (Number(row.getAttribute("data-sequence")) < b.sequence) { before = row; return true; }
        return false;
      });
      body.insertBefore(tr, before);
    });
  };

  Room.prototype.amounts = function (next, phase) {
    var form = this.el("bid-form");
    if (!form) return;
    if (phase !== 2) { form.hidden = true; return; }
    var box = this.el("amounts");
    var radios = box.querySelectorAll("input[type=radio]");
    var checked = 0;
    Array.prototype.forEach.call(radios, function (r, i) { if (r.checked) checked = i; });
    var self = this;
    Array.prototype.forEach.call(box.querySelectorAll("label"), function (label, i) {
      var input = label.querySelector("input");
      if (i >= next.length) { label.hidden = true; input.disabled = true; return; }
      label.hidden = false; input.disabled = false;
      input.value = next[i].toFixed(2);
      input.checked = i === checked;
      label.lastChild.textContent = " " + amount(next[i], self.english);
    });
  };

  Room.prototype.result = function (s, phase) {
    var box = this.el("result");
    if (!box || (phase !== 4 && phase !== 5)) return;
    var text = phase === 4 ? format(this.texts.ResultSold, [this.paddle(s.winnerPaddle), amount(s.hammerPrice, this.english)]) : this.texts.ResultNoSale;
    var p = box.querySelector("p");
    if (!p) { p = document.createElement("p"); box.appendChild(p); }
    p.className = phase === 4 ? "alert alert-ok" : "alert alert-error";
    p.setAttribute("data-testid", "auction-outcome");
    if (p.textContent !== text) p.textContent = text;
  };

  Room.prototype.tick = function () {
    var s = this.state;
    if (!s) return;
    var phase = phaseNumber(s.phase), now = Date.now() + this.offset, target, lead;
    if (phase === 1) { target = this.startsAt; lead = this.texts.StartsIn; }
    else if (phase === 2) { target = new Date(s.effectiveCloseAt).getTime(); lead = this.texts.ClosesIn; }
    else { this.set("countdown", this.texts.Ended); return; }
    var left = Math.max(0, Math.floor((target - now) / 1000));
    if (left === 0 && phase === 2) { this.set("countdown", this.texts.Ended); return; }
    var days = Math.floor(left / 86400), h = Math.floor(left % 86400 / 3600), m = Math.floor(left % 3600 / 60), sec = left % 60;
    var clock = pad(h) + ":" + pad(m) + ":" + pad(sec);
    this.set("countdown", lead + (days > 0 ? format(this.texts.Days, [days]) + " " + clock : clock));
  };

  Room.prototype.connect = function () {
    if (typeof signalR === "undefined") return;
    var self = this;
    var connection = new signalR.HubConnectionBuilder().withUrl("/hubs/auctions").withAutomaticReconnect().build();
    connection.on("lot", function (s) { if (s.id === self.lotId) self.apply(s); });
    function joined() {
      return connection.invoke("Join", self.lotId).then(function () {
        self.root.setAttribute("data-live", "1");
        self.set("connection", self.texts.Live);
      });
    }
    connection.onreconnecting(function () { self.root.removeAttribute("data-live"); self.set("connection", self.texts.Offline); });
    connection.onreconnected(function () { joined().then(function () { self.refresh(); }); });
    connection.onclose(function () { self.root.removeAttribute("data-live"); self.set("connection", self.texts.Offline); });
    connection.start().then(joined).then(function () { self.refresh(); })
      .catch(function () { self.set("connection", self.texts.Offline); });
  };

  // after (re)joining, read the lot once more so that a push missed while joining is not lost
  Room.prototype.refresh = function () {
    var self = this;
    return fetch(window.location.pathname, { credentials: "same-origin" })
      .then(function (r) { return r.text(); })
      .then(function (html) { self.fromPage(html, false); })
      .catch(function () { });
  };

  Room.prototype.fromPage = function (html, withMessage) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var root = doc.querySelector("[data-auction-room]");
    if (!root) return;
    if (withMessage) {
      var message = doc.querySelector("[data-room='message']"), mine = this.el("message");
      if (message && mine) mine.innerHTML = message.innerHTML;
    }
    var standing = doc.querySelector("[data-room='standing']");
    if (standing) this.set("standing", standing.textContent);
    this.apply(JSON.parse(root.getAttribute("data-state")));
  };

  Room.prototype.enhanceBidForm = function () {
    var form = this.el("bid-form"), self = this;
    if (!form || !window.fetch || !window.FormData) return;
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var button = form.querySelector("button[type=submit]");
      button.disabled = true;
      fetch(form.getAttribute("action") || window.location.pathname, { method: "POST", body: new FormData(form), credentials: "same-origin" })
        .then(function (r) { return r.text(); })
        .then(function (html) {
          self.fromPage(html, true);
          var other = form.querySelector("input[name=OtherAmount]");
          if (other) other.value = "";
        })
        .catch(function () { form.submit(); })
        .then(function () { button.disabled = false; });
    });
  };

  function start() {
    var root = document.querySelector("[data-auction-room]");
    if (!root) return;
    var room = new Room(root);
    room.enhanceBidForm();
    room.connect();
    window.setInterval(function () { room.tick(); }, 1000);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
