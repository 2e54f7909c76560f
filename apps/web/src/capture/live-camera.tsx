import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/** The camera in the page (getUserMedia), for desktops and browsers where `capture` opens nothing. */
export function LiveCamera({ onShot }: { onShot: (file: File) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  // A frame has arrived: before that the video is 0 × 0 and a shot would be empty.
  const [ready, setReady] = useState(false);

  useEffect(
    () => () => {
      for (const track of stream?.getTracks() ?? []) track.stop();
    },
    [stream],
  );

  if (!navigator.mediaDevices?.getUserMedia) return null;

  async function open() {
    const s = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: "environment", width: { ideal: 2560 } },
    });
    setStream(s);
    if (video.current) {
      video.current.srcObject = s;
      await video.current.play();
    }
  }

  async function shoot() {
    const v = video.current;
    if (!v) return;
    const canvas = new OffscreenCanvas(v.videoWidth, v.videoHeight);
    canvas.getContext("2d")?.drawImage(v, 0, 0);
    const blob = await canvas.convertToBlob({ type: "image/jpeg", quality: 0.92 });
    onShot(new File([blob], `camera-${Date.now()}.jpg`, { type: "image/jpeg" }));
  }

  return (
    <div className="live-camera">
      <video
        ref={video}
        hidden={!stream}
        playsInline
        muted
        onLoadedData={() => setReady(true)}
        onEmptied={() => setReady(false)}
      />
      {stream ? (
        <div className="row">
          <button type="button" onClick={shoot} disabled={!ready}>
            {t("capture.shoot")}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setStream(null);
              setReady(false);
            }}
          >
            {t("capture.stopCamera")}
          </button>
        </div>
      ) : (
        <button type="button" className="secondary" onClick={open}>
          {t("capture.cameraLive")}
        </button>
      )}
    </div>
  );
}
