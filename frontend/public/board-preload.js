// Starts a board's request while the web app's code is still loading, so the two overlap. The board route takes it
// once (src/features/board/api/get-board.ts) and asks again the normal way if it failed. A plain script, not part of
// the bundle: it must run before the bundle has been fetched.
(function () {
  var match = /^\/groups\/([^/]+)\/?$/.exec(window.location.pathname);
  if (!match || !window.fetch) {
    return;
  }
  var url = window.location.origin + '/api/groups/' + match[1] + '/board';
  window.milepostBoardPreload = {
    url: url,
    response: window
      .fetch(url, {
        credentials: 'same-origin',
        headers: {
          Accept: 'application/json, application/problem+json',
          'X-Requested-With': 'XMLHttpRequest',
        },
      })
      .catch(function () {
        return null;
      }),
  };
})();
