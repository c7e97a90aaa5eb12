// The /api/v1 endpoint wrappers with the portal's error messages (see api/handler.ts).
import { apiEndpoints } from '../api/handler';
import { problemFromError } from './errors';

export const { authenticated, publicEndpoint } = apiEndpoints(problemFromError);
