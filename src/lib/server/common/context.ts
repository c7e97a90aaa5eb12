// What a domain service is told about the request it acts for: where it came from (audit) and the
// portal's origin (links in notifications and e-mail).
export type Context = { ip: string | null; origin: string };
