/// Site rendering.
public enum ChronicleSitePlaceholder {}
