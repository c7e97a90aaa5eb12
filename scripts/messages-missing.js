#!/usr/bin/env node
// Lists message keys used in src/ (as m.key) that messages/ko.json or messages/en.json lacks,
// and keys present in one language but not the other. Exit code 1 when anything is missing.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const used = new Set();
function walk(dir) {
	for (const entry of readdirSync(dir)) {
		const path = join(dir, entry);
		if (entry === 'paraglide' || entry === 'node_modules') continue;
		if (statSync(path).isDirectory()) walk(path);
		else if (/\.(ts|svelte|js)$/.test(entry)) {
			for (const match of readFileSync(path, 'utf8').matchAll(/\bm\.([a-z][a-z0-9_]*)\s*\(/g)) used.add(match[1]);
		}
	}
}
walk('src');
const ko = JSON.parse(readFileSync('messages/ko.json', 'utf8'));
const en = JSON.parse(readFileSync('messages/en.json', 'utf8'));
const problems = [];
for (const key of [...used].sort()) {
	if (!(key in ko)) problems.push(`missing in ko: ${key}`);
	if (!(key in en)) problems.push(`missing in en: ${key}`);
}
for (const key of Object.keys(ko)) if (!(key in en)) problems.push(`only in ko: ${key}`);
for (const key of Object.keys(en)) if (!(key in ko)) problems.push(`only in en: ${key}`);
console.log(problems.length ? problems.join('\n') : `all ${used.size} used messages exist in both languages`);
process.exit(problems.length ? 1 : 0);
