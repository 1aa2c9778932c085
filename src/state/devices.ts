/** Device ids the visitor chose (`enumerateDevices()` ids); absent: the browser's default. */
export interface ChosenDevices {
  camera?: string;
  microphone?: string;
  /** Where the replica's voice plays (applied where the browser lets a page choose). */
  speaker?: string;
}
