import ort from "onnxruntime-node";

/** A PaddleOCR model loaded for the CPU. */
export function openModel(path: string): Promise<ort.InferenceSession> {
  // One thread per run: pages are read in parallel already, one per core.
  return ort.InferenceSession.create(path, {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
  });
}

/** Runs a model of one input and one output on a float tensor; its output's values and shape. */
export async function runModel(
  session: ort.InferenceSession,
  input: Float32Array,
  dims: readonly number[],
): Promise<{ data: Float32Array; dims: readonly number[] }> {
  const [inputName] = session.inputNames;
  const [outputName] = session.outputNames;
  if (!inputName || !outputName) throw new Error("the model names no input or output");
  const result = await session.run({ [inputName]: new ort.Tensor("float32", input, dims) });
  const output = result[outputName];
  if (!output) throw new Error("the model gave no output");
  return { data: output.data as Float32Array, dims: output.dims };
}
