// Inputs of consulting: adding or removing a consultant, and which company asks which consultant
// (the proposed times cross the meeting scheduler's own form schema).
import { z } from 'zod';

export const addConsultantByEmailSchema = z.object({ email: z.string().trim().toLowerCase().pipe(z.email().max(320)) });
export const consultantIdSchema = z.object({ userId: z.uuid() });
export const consultingPartiesSchema = z.object({ organisationId: z.uuid(), consultantId: z.uuid() });
