// Progress feedback for enhanced forms: `pending` is true while the submission is in flight.
import type { SubmitFunction } from '@sveltejs/kit';

type Options = {
	/**
	 * Edit forms pass `true`. SvelteKit resets a form after a successful action, and a reset puts back
	 * what the first render wrote into the HTML, not what was just saved: checkboxes and text areas
	 * whose value did not change in the reloaded data then show stale or empty values, and the next
	 * save writes those back. Keeping the values leaves exactly what was saved on screen.
	 * Forms that create something keep the default and clear after success.
	 */
	keepValues?: boolean;
};

export function createPending({ keepValues = false }: Options = {}) {
	let pending = $state(false);
	const submit: SubmitFunction = () => {
		pending = true;
		return async ({ update }) => {
			try {
				await update({ reset: !keepValues });
			} finally {
				pending = false;
			}
		};
	};
	return {
		get pending() {
			return pending;
		},
		submit
	};
}
