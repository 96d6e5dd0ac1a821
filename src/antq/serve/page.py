"""The interactive page of ``GET /docs``: every operation of ``/openapi.json``, ready to try.

The page is self-contained (no script or style from another site), so it works
on a machine without access to the internet.
"""

from __future__ import annotations

__all__ = ["PAGE"]

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>antq web API</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em; }
section { border: 1px solid #ccc; border-radius: 6px; margin: 1em 0; padding: 0.5em 1em; }
h2 { font-size: 1.05em; } code.method { font-weight: bold; margin-right: 0.5em; }
textarea, input { font-family: monospace; width: 100%; box-sizing: border-box; }
pre { background: #f6f6f6; max-height: 30em; overflow: auto; padding: 0.5em; }
</style>
</head>
<body>
<h1>antq web API</h1>
<p>Every operation of <a href="openapi.json">openapi.json</a>. Fill in the query and the body,
then send: the answer is shown below the form, as the server gave it.</p>
<div id="operations">Loading the OpenAPI document...</div>
<script>
"use strict";
function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, attributes || {});
  for (const child of children) node.append(child);
  return node;
}
function operationForm(path, method, operation) {
  const query = element("input", {placeholder: "query, e.g. lang=en"});
  const content = Object.keys((operation.requestBody || {}).content || {});
  const type = element("select", {});
  for (const name of content) type.append(element("option", {value: name}, name));
  const body = element("textarea", {rows: 6, placeholder: "request body"});
  const example = () => {
    const chosen = ((operation.requestBody || {}).content || {})[type.value] || {};
    body.value = chosen.example === undefined ? "" : JSON.stringify(chosen.example, null, 2);
  };
  type.onchange = example;
  if (content.length) example();
  const answer = element("pre", {});
  const send = element("button", {type: "button"}, "Send");
  send.onclick = async () => {
    answer.textContent = "...";
    const options = {method: method.toUpperCase()};
    if (content.length) {
      options.body = body.value;
      options.headers = {"Content-Type": type.value};
    }
    const url = "." + path + (query.value ? "?" + query.value : "");
    try {
      const response = await fetch(url, options);
      answer.textContent = response.status + " " + response.statusText + "\\n\\n" + await response.text();
    } catch (error) {
      answer.textContent = String(error);
    }
  };
  const parts = [element("h2", {}, element("code", {className: "method"}, method.toUpperCase()), path),
                 element("p", {}, operation.summary + ". " + operation.description), query];
  if (content.length) parts.push(type, body);
  parts.push(send, answer);
  return element("section", {}, ...parts);
}
fetch("./openapi.json").then((r) => r.json()).then((spec) => {
  const root = document.getElementById("operations");
  root.textContent = "";
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      root.append(operationForm(path, method, operation));
    }
  }
});
</script>
</body>
</html>
"""
