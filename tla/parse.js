#!/usr/bin/env node
// Parses TLA+ modules with the tree-sitter TLA+ grammar, for machines without SANY (tla2tools.jar).
// Prints every ERROR or MISSING node as file:line:column and exits 1 if there is any.
// Usage: node parse.js FILE.tla...
'use strict';

const fs = require('fs');
const Parser = require('tree-sitter');
const TlaPlus = require('@tlaplus/tree-sitter-tlaplus');

const parser = new Parser();
parser.setLanguage(TlaPlus);

// The innermost nodes where the parse went wrong: an ERROR node that spans a whole module says little, so
// look inside it for the ERROR or MISSING nodes it contains.
function problems(node, found) {
  if (!node.hasError && !node.isMissing) {
    return found;
  }
  const before = found.length;
  for (const child of node.children) {
    problems(child, found);
  }
  if (found.length === before && (node.type === 'ERROR' || node.isMissing)) {
    found.push(node);
  }
  return found;
}

// The line where the module-level unit holding node starts: an unclosed bracket makes the grammar fail some lines
// later, but the unit it broke starts where the mistake is.
function unitLine(node) {
  let unit = node;
  while (unit.parent && unit.parent.type !== 'module' && unit.parent.parent) {
    unit = unit.parent;
  }
  return unit.startPosition.row + 1;
}

function describe(file, node) {
  const where = `${file}:${node.startPosition.row + 1}:${node.startPosition.column + 1}`;
  const context = `(in the text from line ${unitLine(node)})`;
  if (node.isMissing) {
    return `${where}: syntax error: missing ${node.type} ${context}`;
  }
  const text = node.text.split('\n')[0].slice(0, 60);
  return `${where}: syntax error near: ${text} ${context}`;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node parse.js FILE.tla...');
  process.exit(2);
}

let failed = 0;
for (const file of files) {
  const tree = parser.parse(fs.readFileSync(file, 'utf8'));
  const found = problems(tree.rootNode, []);
  // A file the grammar reads as something other than a module (e.g. no ==== line) is no module.
  const isModule = tree.rootNode.children.some((child) => child.type === 'module');
  if (!isModule && found.length === 0) {
    console.log(`${file}:1:1: syntax error: no complete MODULE found`);
    failed++;
    continue;
  }
  const shown = 10; // the first errors matter; the rest are often consequences
  for (const node of found.slice(0, shown)) {
    console.log(describe(file, node));
  }
  if (found.length > shown) {
    console.log(`${file}: ... and ${found.length - shown} more`);
  }
  if (found.length > 0) {
    failed++;
  } else {
    console.log(`${file}: parsed (tree-sitter-tlaplus)`);
  }
}
process.exit(failed > 0 ? 1 : 0);
