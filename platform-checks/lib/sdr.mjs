// Converts a Salesforce DX source folder into a metadata-API deploy package with Salesforce's own
// source-deploy-retrieve library (what `sf project deploy start` and `sf project convert source` use).
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';

/**
 * @param {string[]} sourceDirs package directories to convert
 * @param {string} outDir output folder (gets package.xml and the metadata files)
 * @param {string} [apiVersion] the project's sourceApiVersion (package.xml's version), as the CLI sets it
 * @returns {Promise<{ components: { type: string, fullName: string }[], packageXml: string, outDir: string }>}
 */
export async function convertToDeployPackage(sourceDirs, outDir, apiVersion) {
  const set = ComponentSet.fromSource({ fsPaths: sourceDirs });
  if (apiVersion) set.sourceApiVersion = apiVersion;
  const components = set.getSourceComponents().toArray().map((c) => ({ type: c.type.name, fullName: c.fullName }));
  const packageXml = await set.getPackageXml();
  await new MetadataConverter().convert(set, 'metadata', { type: 'directory', outputDirectory: outDir, genUniqueDir: false });
  return { components, packageXml, outDir };
}
