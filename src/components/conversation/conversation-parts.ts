/**
 * The sub-elements a started conversation shows: the video stage and the chat drawer. The
 * element loads this module with the engine (or when the chat is opened before a start), so the
 * one-tag embed's entry file holds only what the start screen and the launcher need.
 */
import '../chat-drawer/chat-drawer.js';
import '../video-stage/video-stage.js';
