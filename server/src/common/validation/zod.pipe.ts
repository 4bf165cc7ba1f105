import { type PipeTransform } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { z } from 'zod';
import { uuidSchema } from '@relab/shared';
import { AppError } from '../errors/app-error.js';

/** Parses a request part with a schema from shared; anything that does not parse is a 400 with the issues. */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}
  transform(value: unknown): z.output<S> {
    const result = this.schema.safeParse(value ?? {});
    if (!result.success) {
      const details = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      throw new AppError('VALIDATION_FAILED', 'Request is not valid', details);
    }
    return result.data;
  }
}

/** Route parameters that must be UUIDs: anything else is MALFORMED_ID, before any query runs. */
export class UuidPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (!uuidSchema.safeParse(value).success) throw new AppError('MALFORMED_ID', 'Malformed id');
    return value as string;
  }
}

/** Documents a body schema from shared in the OpenAPI description. */
export const ApiZodBody = (schema: z.ZodType) =>
  ApiBody({ schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> });
