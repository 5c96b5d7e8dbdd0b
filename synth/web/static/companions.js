/* companions.example: fills the listing shell from the public JSON API (see /companions/api/).
   DOM nodes are built with textContent only: profile text never becomes markup. */
(function () {
  "use strict";
  var grid = document.getElementById("profile-grid");
  var pager = document.getElementById("profile-pager");
  if (!grid) { return; }
  var cityNames = {};  // the API gives city slugs; the sidebar links know their names
  document.querySelectorAll(".cp-cities a[data-slug]").forEach(function (a) {
    cityNames[a.dataset.slug] = a.textContent;
  });

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function listingUrl(page) {
    var params = new URLSearchParams();
    if (grid.dataset.city) { params.set("city", grid.dataset.city); }
    if (page > 1) { params.set("page", String(page)); }
    var qs = params.toString();
    return window.location.pathname + (qs ? "?" + qs : "");
  }

  function card(p) {
    var art = el("article", "profile-card");
    art.dataset.profileId = String(p.id);
    if (p.photos && p.photos.length) {  // the first picture; the monogram when there is none
      var img = el("img", "profile-thumb");
      img.src = p.photos[0];
      img.alt = "Picture 1 of " + p.photos.length + " in this profile";
      img.width = 52;
      img.height = 52;
      img.loading = "lazy";
      art.appendChild(img);
    } else {
      var mono = el("div", "profile-monogram", (p.name || "?").charAt(0));
      mono.setAttribute("aria-hidden", "true");
      art.appendChild(mono);
    }
    var body = el("div", "profile-card-body");
    var h = el("h2", "profile-card-heading");
    var a = el("a", "profile-name", p.name);
    a.href = new URL(p.url, window.location.href).pathname;
    h.appendChild(a);
    if (p.age !== null && p.age !== undefined) { h.appendChild(el("span", "profile-age", p.age)); }
    body.appendChild(h);
    body.appendChild(el("p", "profile-headline", p.headline));
    var meta = el("p", "profile-meta");
    var city = el("span", "profile-city", cityNames[p.city] || p.city);
    city.dataset.slug = p.city;
    meta.appendChild(city);
    var time = el("time", null, p.bumped_at.replace("T", " ").replace("Z", " UTC"));
    time.setAttribute("datetime", p.bumped_at);
    meta.appendChild(time);
    body.appendChild(meta);
    art.appendChild(body);
    art.appendChild(el("span", "profile-rate", p.rate));
    return art;
  }

  function drawPager(data) {
    pager.textContent = "";
    if (data.pages <= 1) { return; }
    function link(page, label, cls, rel) {
      var a = el("a", cls, label);
      a.href = listingUrl(page);
      if (rel) { a.rel = rel; }
      return a;
    }
    if (data.page > 1) { pager.appendChild(link(data.page - 1, "‹ Newer", "page-prev", "prev")); }
    pager.appendChild(el("span", "page-current", "Page " + data.page + " of " + data.pages));
    if (data.page < data.pages) { pager.appendChild(link(data.page + 1, "Older ›", "page-next", "next")); }
  }

  fetch(grid.dataset.api, { headers: { "Accept": "application/json" } })
    .then(function (resp) {
      return resp.json().then(function (data) {
        if (!resp.ok) { throw new Error(data.error || ("HTTP " + resp.status)); }
        return data;
      });
    })
    .then(function (data) {
      grid.textContent = "";
      if (!data.items.length) {
        grid.appendChild(el("p", "no-results", "No profiles in this city right now."));
      }
      data.items.forEach(function (p) { grid.appendChild(card(p)); });
      drawPager(data);
    })
    .catch(function (err) {
      grid.textContent = "";
      grid.appendChild(el("p", "cp-error", "Could not load profiles: " + err.message));
    });
}());
