// Who watched a session live and who watched its replay (issue #14): the replay's views and watch
// time, and the audience split into live only, replay only and both, for the analytics page and API.
import { sql } from 'kysely';
import type { Executor } from '../../db';

export type ReplayAudience = {
	/** Replay views started (one per playback). */
	views: number;
	/** Distinct people who watched the replay. */
	viewers: number;
	/** Seconds of the replay actually played, summed over every view. */
	watchedSeconds: number;
	/** People who joined the live room but never played the replay. */
	liveOnly: number;
	/** People who played the replay but never joined the live room. */
	replayOnly: number;
	/** People who did both. */
	both: number;
};

export async function replayAudience(db: Executor, eventId: string): Promise<ReplayAudience> {
	const { rows } = await sql<ReplayAudience>`
		with live as (select distinct user_id from ir_attendance where event_id = ${eventId}),
			replay as (select distinct user_id from ir_replay_views where event_id = ${eventId})
		select
			(select count(*) from ir_replay_views where event_id = ${eventId})::int as "views",
			(select count(*) from replay)::int as "viewers",
			(select coalesce(sum(watched_seconds), 0) from ir_replay_views where event_id = ${eventId})::int as "watchedSeconds",
			(select count(*) from live where user_id not in (select user_id from replay))::int as "liveOnly",
			(select count(*) from replay where user_id not in (select user_id from live))::int as "replayOnly",
			(select count(*) from live where user_id in (select user_id from replay))::int as "both"`.execute(db);
	return rows[0]!;
}
