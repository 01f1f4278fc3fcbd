import { Logger } from '@nestjs/common';
import { ServiceName } from '../routing/route-table';
import { Upstream } from '../routing/upstreams';
import { OpenApiDocument } from './openapi-types';

/** Where every service serves its own document (@crm/http bootstrap.ts). */
export const SERVICE_DOCUMENT_PATH = '/api/docs/openapi.json';

export interface ServiceDocumentsOptions {
  /** How long one service may take to answer with its document. */
  timeoutMs: number;
}

/**
 * The last good OpenAPI document of each service behind the gateway. The gateway asks each service's port
 * directly (no proxy headers), which its production surface lets in as an in-cluster call. A service that does
 * not answer, or answers something that is not a document, keeps its last good document.
 */
export class ServiceDocuments {
  private readonly logger = new Logger('ApiDocs');
  private readonly documents = new Map<ServiceName, OpenApiDocument>();
  private inFlight: Promise<boolean> | undefined;
  /** Counts the changes of any service's document: a composition of an older version is stale. */
  private changes = 0;

  constructor(
    private readonly upstreams: readonly Upstream[],
    private readonly options: ServiceDocumentsOptions,
  ) {}

  /** The documents in hand, in the order of the upstreams. */
  current(): { service: ServiceName; document: OpenApiDocument }[] {
    return this.upstreams.flatMap((u) => {
      const document = this.documents.get(u.service);
      return document ? [{ service: u.service, document }] : [];
    });
  }

  get version(): number {
    return this.changes;
  }

  /** Whether every configured service's document is in hand. */
  complete(): boolean {
    return this.upstreams.every((u) => this.documents.has(u.service));
  }

  /** Asks every service again (one round at a time); answers whether any document changed. */
  refresh(): Promise<boolean> {
    this.inFlight ??= this.fetchAll().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  /** Resolves once the round under way, if any, is over. */
  async settled(): Promise<void> {
    await this.inFlight;
  }

  private async fetchAll(): Promise<boolean> {
    const changed = await Promise.all(this.upstreams.map((u) => this.fetchOne(u)));
    return changed.some(Boolean);
  }

  private async fetchOne(upstream: Upstream): Promise<boolean> {
    try {
      const response = await upstream.pool.request({
        method: 'GET',
        path: `${upstream.basePath}${SERVICE_DOCUMENT_PATH}`,
        headers: { accept: 'application/json' },
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
      });
      const text = await response.body.text();
      if (response.statusCode !== 200) throw new Error(`answered ${response.statusCode}`);
      const document = JSON.parse(text) as OpenApiDocument;
      if (typeof document.openapi !== 'string' || typeof document.paths !== 'object' || document.paths === null) throw new Error('answered something that is not an OpenAPI document');
      const before = this.documents.get(upstream.service);
      if (before && JSON.stringify(before) === JSON.stringify(document)) return false;
      this.documents.set(upstream.service, document);
      this.changes += 1;
      return true;
    } catch (error) {
      const kept = this.documents.has(upstream.service) ? 'keeping its last good one' : 'it is left out until it answers';
      this.logger.warn(`the ${upstream.service} service's OpenAPI document could not be read (${(error as Error).message}); ${kept}`);
      return false;
    }
  }
}
