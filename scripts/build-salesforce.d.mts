export const SALESFORCE_BUNDLE: string;
export const ALWAYS_PACKED: string[];
export const RESOURCE_FILE: string;
export const MAX_RESOURCE_BYTES: number;
export function resourceFiles(distDir: string, options?: { bundle?: string; always?: string[] }): string[];
export function zipFiles(rootDir: string, files: string[]): Uint8Array;
export function writeSalesforceResource(options?: { distDir?: string; out?: string; maxBytes?: number }): { out: string; files: string[]; bytes: number };
export function buildSalesforceDist(distDir: string): Promise<string[]>;
