export interface FileSize {
    file: string;
    raw: number;
    gzip: number;
}
export declare function measure(www: string, file: string): FileSize;
/** The entry files and the closure of their static imports, entry first. */
export declare function firstScreenFiles(www: string): string[];
export declare function lazyFiles(www: string): string[];
export declare function total(sizes: FileSize[], key: "raw" | "gzip"): number;
