// Replaces a person's address or name wherever it was copied into text: audit data, notification
// parameters, e-mail bodies, free text others or they wrote. Every text and jsonb column of every
// table is visited (read from the catalogue, so a column added later is covered too); generated
// columns and the migration bookkeeping are skipped. Runs inside the deletion's transaction.
import { sql } from 'kysely';
import type { Executor } from '../db';

type Column = { table_name: string; column_name: string; data_type: string };

export function listTextColumns(db: Executor, skipTables: string[]) {
	return sql<Column>`
		select c.table_name, c.column_name, c.data_type
		from information_schema.columns c
		join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
		where c.table_schema = current_schema()
			and c.data_type in ('text', 'character varying', 'jsonb')
			and c.is_generated = 'NEVER'
			and c.table_name not like 'kysely\\_%'
			and not (c.table_name = any(${skipTables}::text[]))
		order by c.table_name, c.column_name`
		.execute(db)
		.then((result) => result.rows);
}

/** Replaces `from` by `to` in every listed column; returns how many rows changed per table. */
export async function replaceEverywhere(
	db: Executor,
	columns: Column[],
	from: string,
	to: string
): Promise<Record<string, number>> {
	const changed: Record<string, number> = {};
	for (const { table_name, column_name, data_type } of columns) {
		const column = sql.ref(column_name);
		const table = sql.table(table_name);
		const result =
			data_type === 'jsonb'
				? await sql`update ${table} set ${column} = replace(${column}::text, ${jsonText(from)}, ${jsonText(to)})::jsonb where strpos(${column}::text, ${jsonText(from)}) > 0`.execute(
						db
					)
				: await sql`update ${table} set ${column} = replace(${column}, ${from}, ${to}) where strpos(${column}, ${from}) > 0`.execute(
						db
					);
		const rows = Number(result.numAffectedRows ?? 0);
		if (rows > 0) changed[table_name] = (changed[table_name] ?? 0) + rows;
	}
	return changed;
}

/** How `value` appears inside a JSON string in jsonb's text form. */
const jsonText = (value: string) => JSON.stringify(value).slice(1, -1);
