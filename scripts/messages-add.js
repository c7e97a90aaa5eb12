#!/usr/bin/env node
// Adds or replaces UI strings in both languages: `node scripts/messages-add.js pairs.json`,
// where pairs.json is { "key": ["한국어", "English"], ... }. Keys stay sorted in both files.
import { readFileSync, writeFileSync, renameSync } from 'node:fs';

const pairs = JSON.parse(readFileSync(process.argv[2] ?? 0, 'utf8'));
for (const [index, locale] of ['ko', 'en'].entries()) {
	const path = `messages/${locale}.json`;
	const messages = JSON.parse(readFileSync(path, 'utf8'));
	for (const [key, texts] of Object.entries(pairs)) {
		if (!/^[a-z][a-z0-9_]*$/.test(key)) throw new Error(`Bad key: ${key}`);
		messages[key] = texts[index];
	}
	const { $schema, ...rest } = messages;
	const sorted = Object.fromEntries(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b)));
	writeFileSync(`${path}.tmp`, JSON.stringify({ $schema, ...sorted }, null, '\t') + '\n');
	renameSync(`${path}.tmp`, path);
}
console.log(`${Object.keys(pairs).length} messages written`);
