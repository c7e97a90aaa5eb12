// Inputs of organisation relations: a declaration names the other organisation and the kind of tie.
import { z } from 'zod';
import { RELATION_KINDS } from '../db/programmes-types';

export const declareRelationSchema = z.object({ relatedOrgId: z.uuid(), kind: z.enum(RELATION_KINDS) });
export const relationIdSchema = z.object({ relationId: z.uuid() });
