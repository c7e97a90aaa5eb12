// The deck room's one-off job: render a deck upload's pages (queued by queueDeckRender).
import type { JobHandler } from '../../jobs/runner';
import { DECK_RENDER_JOB, renderDeck } from './service';

export const deckHandlers: Record<string, JobHandler> = {
	[DECK_RENDER_JOB]: async ({ db, job }) => {
		const uploadId = (job.payload as { uploadId?: unknown }).uploadId;
		if (typeof uploadId !== 'string') return { pages: 0 };
		return renderDeck(db, uploadId);
	}
};
