import { z } from 'zod';

export const markReadSchema = z.object({ id: z.uuid() });
