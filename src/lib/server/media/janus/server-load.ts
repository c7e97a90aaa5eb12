// How loaded a Janus server is, as Janus itself reports it: the VideoRoom rooms it carries now, from
// every portal node that uses it (a node's own count misses the rooms the other nodes put there).
import type { JanusLink } from './connection';

/** The number of VideoRoom rooms on the server of `link` (VideoRoom's `list` request). */
export async function countVideoRooms(link: JanusLink): Promise<number> {
	const reply = await link.session.message(link.control, { request: 'list' });
	const list = reply.data.list;
	if (!Array.isArray(list)) throw new Error('VideoRoom list: no list in the reply');
	return list.length;
}
