// Progress feedback for enhanced forms: `pending` is true while the submission is in flight, and the
// outcome is shown where the person is (see feedback.svelte.ts).
import type { SubmitFunction } from '@sveltejs/kit';
import { reportOutcome, useFeedback } from './feedback.svelte';

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

/** Call during component setup (it reads the layout's feedback toast). */
export function createPending({ keepValues = false }: Options = {}) {
	let pending = $state(false);
	const feedback = useFeedback();
	const submit: SubmitFunction = ({ formElement }) => {
		pending = true;
		return async ({ update, result }) => {
			try {
				await update({ reset: !keepValues });
			} finally {
				pending = false;
			}
			if (result.type === 'success' || result.type === 'failure')
				await reportOutcome(formElement, result.type === 'success', feedback);
		};
	};
	return {
		get pending() {
			return pending;
		},
		submit
	};
}
