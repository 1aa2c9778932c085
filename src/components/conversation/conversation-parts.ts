/**
 * What a started conversation shows beyond the idle screen: the video stage, the chat drawer and
 * the call's regions of the view (speaker, notice, progress, captions, controls) with their
 * styles. The element loads this module on start, when the visitor shows intent, or when the
 * chat is opened first, so the one-tag embed's entry file holds only what the idle screen and the
 * launcher need.
 */
import '../chat-drawer/chat-drawer.js';
import '../video-stage/video-stage.js';
import './view/call-layer.js';
