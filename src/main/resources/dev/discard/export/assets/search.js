// discard export: the search page. The index lies beside the site in search/ as scripts (browsers refuse fetch of
// file://, not local <script>s); each calls DiscardSearch.* when loaded. Nothing here writes HTML from text: every
// string from the archive goes into the page through textContent.
(function () {
  "use strict";
  var PER_PAGE = 20;
  var MAX_TEXT = 300; // characters of a message the index keeps (SearchIndexWriter.TEXT)
  var MAX_WORD = 40; // characters of a word (SearchTokens.MAX)
  var index = null;
  var waiting = {}; // script path -> [callbacks]
  var loaded = {}; // script path -> data

  // The same cut into words as SearchTokens.java: NFKD, marks dropped, lower case, letters and digits.
  function words(text) {
    var folded = String(text || "").normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
    var out = [];
    var parts = folded.split(/[^\p{L}\p{N}]+/u);
    for (var i = 0; i < parts.length; i++) {
      if (parts[i]) out.push(Array.from(parts[i]).slice(0, MAX_WORD).join(""));
    }
    return out;
  }

  function shardOf(word) {
    return Array.from(word).slice(0, 2).map(function (c) { return c.codePointAt(0).toString(16); }).join("-");
  }

  // The file of words holding a shard of a block: files hold consecutive shards of index.shards[block], a new one
  // starting at each position of index.files[block].
  var fileOfShard = {}; // block -> shard -> file number
  function wordsFile(block, shard) {
    if (!fileOfShard[block]) {
      var names = (index.shards[block] || "").split(" ");
      var starts = decode((index.files || [])[block] || "", false);
      var map = {};
      for (var i = 0, file = 0; i < names.length; i++) {
        while (file < starts.length && starts[file] <= i) file++;
        map[names[i]] = file;
      }
      fileOfShard[block] = map;
    }
    return "search/t/" + block + "/" + fileOfShard[block][shard] + ".js";
  }

  // Loads a script of the index once; calls back with what it registered under key (a script may register several).
  var requested = {}; // script path -> true
  function load(path, key, done) {
    if (Object.prototype.hasOwnProperty.call(loaded, key)) { done(loaded[key]); return; }
    if (waiting[key]) { waiting[key].push(done); return; }
    waiting[key] = [done];
    if (requested[path]) { requested[path].push(key); return; }
    requested[path] = [key];
    var script = document.createElement("script");
    script.src = path;
    // Keys the script did not register (it is missing, or damaged) arrive empty: no query waits for ever.
    script.onload = script.onerror = function () {
      requested[path].forEach(function (k) {
        if (!Object.prototype.hasOwnProperty.call(loaded, k)) arrive(k, null);
      });
    };
    document.head.appendChild(script);
  }

  function arrive(key, data) {
    loaded[key] = data;
    var callbacks = waiting[key] || [];
    delete waiting[key];
    for (var i = 0; i < callbacks.length; i++) callbacks[i](data);
  }

  window.DiscardSearch = {
    index: function (data) { index = data; start(); },
    words: function (block, shard, data) { arrive("t/" + block + "/" + shard, data); },
    meta: function (block, data) {
      arrive("m/" + block, { channels: decode(data[0], false), authors: decode(data[1], false) });
    },
    docs: function (file, data) { arrive("d/" + file, data); },
    pages: function (channel, data) { arrive("p/" + channel, data); }
  };

  // Base-36 numbers joined by commas; with gaps, each is added to the one before.
  function decode(text, gaps) {
    if (!text) return [];
    var parts = text.split(",");
    var out = new Array(parts.length);
    var last = 0;
    for (var i = 0; i < parts.length; i++) {
      var n = parseInt(parts[i], 36);
      last = gaps ? last + n : n;
      out[i] = last;
    }
    return out;
  }

  // "a phrase", prefix*, words: each term is a list of words that must all be in a message.
  function parse(query) {
    var terms = [];
    var re = /"([^"]*)"|(\S+)/g;
    var m;
    while ((m = re.exec(query)) !== null) {
      if (m[1] !== undefined) {
        var phrase = words(m[1]);
        if (phrase.length > 0) terms.push({ words: phrase, phrase: phrase.length > 1 });
      } else {
        var prefix = /\*$/.test(m[2]);
        var ws = words(m[2]);
        if (ws.length === 0) continue;
        if (prefix && ws.length === 1) {
          if (Array.from(ws[0]).length < 2) return { error: "A prefix needs two characters at least: " + m[2] };
          terms.push({ words: ws, prefix: true });
        } else {
          terms.push({ words: ws, phrase: ws.length > 1 });
        }
      }
    }
    return { terms: terms };
  }

  // The documents of one block (numbers within it, ascending) holding every word of every term.
  function matchBlock(block, terms, done) {
    var shards = " " + (index.shards[block] || "") + " ";
    var needed = [];
    terms.forEach(function (t) {
      t.words.forEach(function (w) { if (needed.indexOf(shardOf(w)) < 0) needed.push(shardOf(w)); });
    });
    for (var i = 0; i < needed.length; i++) {
      if (shards.indexOf(" " + needed[i] + " ") < 0) { done([]); return; } // a word absent from the block
    }
    var pending = needed.length;
    needed.forEach(function (shard) {
      load(wordsFile(block, shard), "t/" + block + "/" + shard, function () {
        if (--pending === 0) done(intersect(block, terms));
      });
    });
  }

  function postings(block, word, prefix) {
    var data = loaded["t/" + block + "/" + shardOf(word)] || {};
    if (!prefix) return Object.prototype.hasOwnProperty.call(data, word) ? decode(data[word], true) : [];
    var union = {};
    Object.keys(data).forEach(function (w) {
      if (w.lastIndexOf(word, 0) === 0) decode(data[w], true).forEach(function (d) { union[d] = true; });
    });
    return Object.keys(union).map(Number).sort(function (a, b) { return a - b; });
  }

  function intersect(block, terms) {
    var result = null;
    terms.forEach(function (t) {
      t.words.forEach(function (w) {
        var list = postings(block, w, t.prefix);
        if (result === null) { result = list; return; }
        var set = {};
        list.forEach(function (d) { set[d] = true; });
        result = result.filter(function (d) { return set[d]; });
      });
    });
    return result || [];
  }

  function docOf(number, done) {
    var file = Math.floor(number / index.docsPerFile);
    load("search/d/" + file + ".js", "d/" + file, function (data) {
      done(data ? data[number % index.docsPerFile] : null);
    });
  }

  // A document: [message id, channel, author, time, first characters]. Its page: the last of its channel whose
  // first message's id is not above its own (search/p/<channel>.js lists them from the second page on).
  function pageOf(doc, done) {
    if (index.channels[doc[1]][3] <= 1) { done(1); return; }
    load("search/p/" + doc[1] + ".js", "p/" + doc[1], function (firsts) {
      firsts = firsts || [];
      var low = 0;
      var high = firsts.length;
      while (low < high) {
        var middle = (low + high) >> 1;
        if (compareIds(firsts[middle], doc[0]) <= 0) low = middle + 1; else high = middle;
      }
      done(low + 1);
    });
  }

  // Decimal ids without leading zeros (up to 2^64, past what a Number holds exactly): longer is greater.
  function compareIds(a, b) {
    return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
  }

  // Whether a message's kept text holds each phrase's words one after the other.
  function phrasesHold(doc, terms) {
    var text = " " + words(doc[4]).join(" ") + " ";
    return terms.every(function (t) { return !t.phrase || text.indexOf(" " + t.words.join(" ") + " ") >= 0; });
  }

  var state = null;

  function run(query, channel, author) {
    var parsed = parse(query);
    var results = document.getElementById("search-results");
    results.textContent = "";
    document.getElementById("search-more").hidden = true;
    if (parsed.error) { status(parsed.error); return; }
    if (parsed.terms.length === 0) { status(""); return; }
    var authors = null;
    if (author) {
      authors = {};
      var wanted = author.toLowerCase();
      // Authors whose shown name holds the text, case aside ("discardbot" finds "discardbot#9433").
      index.authors.forEach(function (name, i) { if (name.toLowerCase().indexOf(wanted) >= 0) authors[i] = true; });
    }
    state = { terms: parsed.terms, channel: channel === "" ? -1 : Number(channel), authors: authors, block: 0,
      queue: [], shown: 0, started: performance.now() };
    status("Searching…");
    more();
  }

  // Finds the next page of hits: block by block, stopping as soon as there are enough.
  function more() {
    var s = state;
    var hits = [];
    function step() {
      if (s !== state) return;
      if (hits.length >= PER_PAGE || (s.queue.length === 0 && s.block >= index.blocks)) { show(s, hits); return; }
      if (s.queue.length > 0) {
        var number = s.queue.shift();
        docOf(number, function (doc) {
          if (!doc || !phrasesHold(doc, s.terms)) { step(); return; }
          pageOf(doc, function (page) {
            hits.push({ number: number, doc: doc, page: page });
            step();
          });
        });
        return;
      }
      var block = s.block++;
      matchBlock(block, s.terms, function (found) {
        var filtering = s.channel >= 0 || s.authors !== null;
        var take = function (meta) {
          found.forEach(function (d) {
            if (meta && s.channel >= 0 && meta.channels[d] !== s.channel) return;
            if (meta && s.authors !== null && !s.authors[meta.authors[d]]) return;
            s.queue.push(block * index.block + d);
          });
          step();
        };
        if (filtering && found.length > 0) load("search/m/" + block + ".js", "m/" + block, take);
        else take(null);
      });
    }
    step();
  }

  function show(s, hits) {
    var list = document.getElementById("search-results");
    hits.forEach(function (hit) { list.appendChild(item(hit.doc, hit.page, s.terms)); });
    s.shown += hits.length;
    var done = s.queue.length === 0 && s.block >= index.blocks;
    document.getElementById("search-more").hidden = done;
    var ms = Math.round(performance.now() - s.started);
    status(s.shown === 0 ? "No message matches." : (done ? s.shown + " messages match" : "First " + s.shown
      + " messages") + " (" + ms + " ms).");
  }

  function item(doc, page, terms) {
    var channel = index.channels[doc[1]];
    var li = document.createElement("li");
    li.className = "search-hit";
    var a = document.createElement("a");
    a.href = channel[2] + page + ".html#" + doc[0];
    var where = document.createElement("span");
    where.className = "where";
    where.textContent = channel[0] + " › #" + channel[1];
    var who = document.createElement("span");
    who.className = "author";
    who.textContent = index.authors[doc[2]];
    var when = document.createElement("span");
    when.className = "time";
    when.textContent = doc[3];
    var text = document.createElement("span");
    text.className = "text";
    marked(text, doc[4] + (doc[4].length >= MAX_TEXT ? "…" : ""), terms);
    a.appendChild(where);
    a.appendChild(document.createTextNode(" "));
    a.appendChild(who);
    a.appendChild(document.createTextNode(" "));
    a.appendChild(when);
    li.appendChild(a);
    li.appendChild(text);
    return li;
  }

  // The text with the words searched for in <mark>, built as text nodes.
  function marked(parent, text, terms) {
    var wanted = [];
    terms.forEach(function (t) { t.words.forEach(function (w) { wanted.push({ w: w, prefix: t.prefix }); }); });
    var re = /[\p{L}\p{N}\p{M}]+/gu;
    var last = 0;
    var m;
    while ((m = re.exec(text)) !== null) {
      var w = words(m[0])[0] || "";
      var hit = wanted.some(function (x) { return x.prefix ? w.lastIndexOf(x.w, 0) === 0 : w === x.w; });
      if (!hit) continue;
      parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      parent.appendChild(mark);
      last = m.index + m[0].length;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function status(text) {
    document.getElementById("search-status").textContent = text;
  }

  function start() {
    var form = document.getElementById("search-form");
    if (!form || !index) return;
    form.hidden = false;
    var select = document.getElementById("search-channel");
    index.channels.forEach(function (c, i) {
      var option = document.createElement("option");
      option.value = String(i);
      option.textContent = c[0] + " › #" + c[1];
      select.appendChild(option);
    });
    var names = document.getElementById("search-authors");
    index.authors.slice(0, 5000).forEach(function (name) {
      var option = document.createElement("option");
      option.value = name;
      names.appendChild(option);
    });
    var params = new URLSearchParams(window.location.search);
    document.getElementById("search-q").value = params.get("q") || "";
    select.value = params.get("channel") || "";
    document.getElementById("search-author").value = params.get("author") || "";
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      go();
    });
    document.getElementById("search-more").addEventListener("click", function () {
      document.getElementById("search-more").hidden = true;
      state.started = performance.now();
      more();
    });
    go();
  }

  function go() {
    run(document.getElementById("search-q").value, document.getElementById("search-channel").value,
      document.getElementById("search-author").value.trim());
  }
})();
