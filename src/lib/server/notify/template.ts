// A notification's title and body in the recipient's language, from two Paraglide messages that
// read the params stored beside the notification's kind.
import type { Locale } from '../db/types';

type Params = Record<string, string>;
type Render = (params: Params, locale: Locale) => string;
export type Template = { title: Render; body: Render };
// Each message takes its own inputs; callers pass the params that were stored with the kind.
type MessageFn = (inputs: never, options: { locale: Locale }) => string;

const render =
	(fn: MessageFn): Render =>
	(params, locale) =>
		(fn as unknown as (p: Params, o: { locale: Locale }) => string)(params, { locale });

export const template = (title: MessageFn, body: MessageFn): Template => ({ title: render(title), body: render(body) });
