import type { Dataset } from './dataset.types';
import { parseDataset } from './load-dataset';
import { serializeDataset } from './serialize-dataset';

/** Throws InvalidDatasetError when `dataset` breaks a rule of data/ (the check a journal replay uses). */
export function validateDataset(dataset: Dataset): void {
  parseDataset(serializeDataset(dataset));
}
