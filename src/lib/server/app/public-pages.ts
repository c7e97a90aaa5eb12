// The pages whose answer to an anonymous reader depends only on the address and the language: a
// shared cache may keep that answer for PUBLIC_CACHE_SECONDS (http/public-pages.ts). A page belongs
// here only when, without a signed-in user, it shows nothing that belongs to one request (no form
// echo, no token, no per-visitor notice).
export const PUBLIC_PAGE_ROUTES: ReadonlySet<string> = new Set([
	'/',
	'/directory',
	'/orgs/[slug]',
	'/courses',
	'/courses/[slug]',
	'/ir',
	'/testbed',
	'/programmes'
]);
