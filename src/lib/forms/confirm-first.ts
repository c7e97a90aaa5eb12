// Asks before an action that is hard to undo (cancelling a trainee, a registration, accepting a response).
import type { SubmitFunction } from '@sveltejs/kit';

export function confirmFirst(question: () => string, then?: SubmitFunction): SubmitFunction {
	return (input) => {
		if (!confirm(question())) {
			input.cancel();
			return;
		}
		return then?.(input);
	};
}
