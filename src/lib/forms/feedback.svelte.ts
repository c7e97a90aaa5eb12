// Feedback where the action happened: after an enhanced form on a long page is saved, its banner sits
// at the top, often off-screen. The layout owns one polite toast; forms ask it to repeat the banner.
import { getContext, setContext, tick } from 'svelte';

const KEY = Symbol('form-feedback');
const SHOW_MS = 6000;

export type Feedback = {
	readonly text: string;
	readonly tone: 'success' | 'danger';
	show(text: string, tone: 'success' | 'danger'): void;
	clear(): void;
};

/** Made once by the root layout, for the toast it renders. */
export function provideFeedback(): Feedback {
	let text = $state('');
	let tone = $state<'success' | 'danger'>('success');
	let timer: ReturnType<typeof setTimeout> | undefined;
	const feedback: Feedback = {
		get text() {
			return text;
		},
		get tone() {
			return tone;
		},
		show(next, nextTone) {
			clearTimeout(timer);
			text = next;
			tone = nextTone;
			timer = setTimeout(() => (text = ''), SHOW_MS);
		},
		clear() {
			clearTimeout(timer);
			text = '';
		}
	};
	return setContext(KEY, feedback);
}

/** The layout's toast, or null outside it (component tests). Call during component setup. */
export function useFeedback(): Feedback | null {
	return getContext<Feedback | undefined>(KEY) ?? null;
}

function offScreen(element: Element): boolean {
	const box = element.getBoundingClientRect();
	return box.bottom <= 0 || box.top >= window.innerHeight;
}

/**
 * After an enhanced submission has updated the page: a failure moves focus to the first invalid
 * field of the form; a banner the person cannot see is repeated in the toast.
 */
export async function reportOutcome(form: HTMLFormElement, ok: boolean, feedback: Feedback | null) {
	await tick();
	if (!ok) {
		const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
		if (invalid) {
			invalid.focus();
			return;
		}
	}
	const banner = document.querySelector(ok ? 'main .alert[role="status"]' : 'main .alert[role="alert"]');
	if (banner && offScreen(banner)) feedback?.show(banner.textContent?.trim() ?? '', ok ? 'success' : 'danger');
}
