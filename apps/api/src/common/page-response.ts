import { ApiProperty } from '@nestjs/swagger';

type Constructor = new (...args: never[]) => unknown;

const pages = new Map<Constructor, Constructor>();

/**
 * The OpenAPI class of a page of `item` (`{items, next_cursor}`), named `<Item>Page`. One class per item
 * type, so the document has one schema for each.
 */
export function pageOf(item: Constructor): Constructor {
  const known = pages.get(item);
  if (known) return known;
  class PageResponse {
    items!: unknown[];
    next_cursor!: string | null;
  }
  ApiProperty({ type: [item] })(PageResponse.prototype, 'items');
  ApiProperty({
    type: String,
    nullable: true,
    description: 'Opaque cursor of the next page; null on the last page.',
  })(PageResponse.prototype, 'next_cursor');
  Object.defineProperty(PageResponse, 'name', { value: `${item.name.replace(/Response$/, '')}Page` });
  pages.set(item, PageResponse);
  return PageResponse;
}
