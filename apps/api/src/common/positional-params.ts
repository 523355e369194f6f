/**
 * Turns the TypeORM-style named parameters (:name) of a scope filter (AccessService.listFilter) into positional ones
 * after `offset`, for raw SQL that already uses $1…$offset.
 */
export function positional(sql: string, params: Record<string, unknown>, offset: number): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  const text = sql.replace(/:(\w+)/g, (_match, name: string) => {
    values.push(params[name]);
    return `$${offset + values.length}`;
  });
  return { sql: text, values };
}
