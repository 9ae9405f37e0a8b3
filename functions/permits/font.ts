// The font of printed permits, on its own so that the route table names it without loading the PDF writer.
// Resolved from the package in both runtimes: a Lambda bundle carries just this file (infra copies
// a route's `files` beside the bundle), not the whole family.
export const PERMIT_FONT = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';
